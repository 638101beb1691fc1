"""What the editors' preview shows and which hosts it answers."""
