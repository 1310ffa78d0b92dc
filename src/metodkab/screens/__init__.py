"""One module per screen; modals return typed results."""
