"""The files ``sakip init`` writes (templat): a commented data file to fill in."""
