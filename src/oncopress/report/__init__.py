"""What editors read: the editorial report (data and page) and ./tasks status."""
