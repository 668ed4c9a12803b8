//! A report that makes the tool fail fails alone.
//!
//! The extraction rules read text no one has checked them on; a bug they hit on one report
//! (an index past a clause's end) must not stop the others, nor print a backtrace. [`guarded`]
//! runs one report's work and turns a panic into an error that names what failed, with the
//! panic's own message, so the user can report it; the other reports go on.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread runs [`guarded`] work: its panics are caught, and not printed.
    static GUARDING: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic caught on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `work`; a panic in it becomes `Err` with its message and source location ("index out of
/// range … at src/extract/actors.rs:2394"), printed nowhere.
pub fn guarded<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let was = GUARDING.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDING.with(|g| g.set(was));
    result.map_err(|payload| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| message_of(payload.as_ref()))
    })
}

/// Keep panics in guarded work off stderr (they become errors); every other panic still goes
/// to the hook that was there before.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDING.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let message = format!("{}{place}", message_of(info.payload()));
                CAUGHT.with(|c| *c.borrow_mut() = Some(message));
            } else {
                previous(info);
            }
        }));
    });
}

/// What the user reads when a bug was caught on one report: what failed (`error`, from
/// [`guarded`]), what was done about it (`aftermath`, may be empty), and the ask to report it.
pub fn bug_on_report(error: &str, aftermath: &str) -> String {
    format!(
        "jbz-track failed on this report ({error}){aftermath}. This is a bug: please report it \
         with the file"
    )
}

fn message_of(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an internal error".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message_and_place() {
        let err = guarded(|| {
            let v: Vec<u8> = Vec::new();
            let i = v.len() + 3;
            v[i]
        })
        .unwrap_err();
        assert!(err.contains("index out of bounds"), "{err}");
        assert!(err.contains("src/guard.rs:"), "{err}");
        assert_eq!(guarded(|| 7), Ok(7));
    }

    #[test]
    fn guarding_ends_with_the_work() {
        let _ = guarded(|| panic!("first"));
        assert!(!GUARDING.with(Cell::get));
        // Nested: the inner panic is caught by the inner guard; the outer work goes on.
        let outer = guarded(|| guarded(|| panic!("inner")).unwrap_err());
        assert!(outer.unwrap().contains("inner"));
    }
}
