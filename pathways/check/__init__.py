"""`bildungswege check`: every rule that editor YAML and data packages must satisfy."""
