"""Sync packets: school → municipal office (build, sign/encrypt, verify, apply). Never imports textual."""
