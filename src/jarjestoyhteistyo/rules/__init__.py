"""Every check of a rule set, a composition and a cooperation model; each module
declares its finding codes at its top."""
