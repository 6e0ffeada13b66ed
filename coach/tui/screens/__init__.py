"""One module per screen: the pages a person moves between, and the modals above them."""
