//! Unit tests of the validator, one tripping and one passing input per rule.
