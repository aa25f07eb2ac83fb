"""The submission portal for states (`vrs serve`) and its access layer."""
