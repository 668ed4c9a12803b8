#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jbz_track_fuzz::snapshot_loader(data));
