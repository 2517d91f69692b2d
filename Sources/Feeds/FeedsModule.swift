/// Lenient decoding of the three Benzinga streams into typed changes.
enum FeedsModule {}
