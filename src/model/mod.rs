//! The domain's values, shared by every stage: who speaks ([`Actor`]), when ([`When`],
//! [`Point`]), at what stage a file is ([`Stage`]), what a milestone is ([`EventName`]), which paper is cited ([`Reference`]).
//!
//! They are defined here, below the pipeline, so that no stage imports from one after it:
//! `report` and `snapshot` use them without reaching into `extract`, which finds them in text.

pub mod actor;
pub mod event;
pub mod reference;
pub mod stage;
pub mod when;

pub use actor::Actor;
pub use event::EventName;
pub use reference::Reference;
pub use stage::Stage;
pub use when::{Point, When};
