//! A local HTTP server that answers like the Gegevensmagazijn's OData v4 API, for the tests of
//! `fetch` and of the workflow `init` writes. Its answers are **constructed** in the documented
//! shape (entity set `Document`, `value`, `@odata.nextLink`, `Document(<Id>)/resource`) and
//! say so in their `@odata.context`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server does with one request.
#[derive(Clone)]
pub enum Reply {
    /// Status, content type, body.
    Ok(u16, &'static str, Vec<u8>),
    /// Waits, then answers.
    Slow(Duration, Vec<u8>),
    /// Promises `Content-Length` bytes, sends fewer, closes.
    Cut(Vec<u8>, usize),
}

/// A request as the server saw it: the decoded target and the user agent.
#[derive(Debug, Clone)]
pub struct Seen {
    pub target: String,
    pub agent: String,
}

pub struct Server {
    pub base: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serve on 127.0.0.1, answering each request with `route(target, how many times this
    /// target was asked before)`.
    pub fn start(route: impl Fn(&str, usize, &str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!(
            "http://{}/OData/v4/2.0",
            listener.local_addr().expect("addr")
        );
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let log = seen.clone();
        let route = Arc::new(route);
        let here = base.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = log.clone();
                let route = route.clone();
                let here = here.clone();
                std::thread::spawn(move || serve(stream, &log, &|t, n| route(t, n, &here)));
            }
        });
        Server { base, seen }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("log").clone()
    }

    pub fn resources(&self) -> usize {
        self.seen()
            .iter()
            .filter(|s| s.target.ends_with("/resource"))
            .count()
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Seen>>, route: &dyn Fn(&str, usize) -> Reply) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let target = line.split(' ').nth(1).unwrap_or("").to_string();
    let mut agent = String::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("user-agent:") {
            agent = v.trim().to_string();
        }
    }
    let target = decode(&target);
    let before = {
        let mut log = log.lock().expect("log");
        let n = log.iter().filter(|s| s.target == target).count();
        log.push(Seen {
            target: target.clone(),
            agent,
        });
        n
    };
    let mut stream = stream;
    let write = |stream: &mut TcpStream, status: u16, ctype: &str, body: &[u8], len: usize| {
        let head = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
        let _ = stream.flush();
    };
    match route(&target, before) {
        Reply::Ok(status, ctype, body) => write(&mut stream, status, ctype, &body, body.len()),
        Reply::Slow(wait, body) => {
            std::thread::sleep(wait);
            write(&mut stream, 200, "application/json", &body, body.len())
        }
        Reply::Cut(body, claimed) => write(&mut stream, 200, "application/json", &body, claimed),
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One `Document` entity, constructed in the API's documented shape.
pub fn doc(id: &str, nummer: &str, onderwerp: &str, datum: &str) -> serde_json::Value {
    serde_json::json!({
        "Id": id,
        "Soort": "Brief regering",
        "DocumentNummer": nummer,
        "Titel": "JBZ-Raad",
        "Onderwerp": onderwerp,
        "Datum": format!("{datum}T00:00:00+01:00"),
        "ContentType": "text/plain",
        "GewijzigdOp": format!("{datum}T12:00:00+01:00"),
    })
}

pub fn page(docs: Vec<serde_json::Value>, next: Option<String>) -> Vec<u8> {
    let mut v = serde_json::json!({
        "@odata.context": "CONSTRUCTED for jbz-track's tests, in the shape of https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Document",
        "value": docs,
    });
    if let Some(n) = next {
        v["@odata.nextLink"] = serde_json::Value::String(n);
    }
    serde_json::to_vec(&v).expect("json")
}

/// One page listing two verslagen of dossier 32317 (constructed): the October and December 2023
/// meetings, under the document ids given.
pub fn two_verslagen(oct: &str, dec: &str) -> Vec<u8> {
    page(
        vec![
            doc(
                oct,
                "2023D44001",
                "Verslag van de JBZ-Raad van 19 en 20 oktober 2023",
                "2023-11-02",
            ),
            doc(
                dec,
                "2023D50001",
                "Verslag van de JBZ-Raad van 4 en 5 december 2023",
                "2023-12-15",
            ),
        ],
        None,
    )
}
