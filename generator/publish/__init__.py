"""Publishing: what turns rendered pages into the finished site."""
