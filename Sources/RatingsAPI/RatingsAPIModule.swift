/// Routes of the ratings HTTP API.
enum RatingsAPIModule {}
