// Keep tests independent of a developer's .env: every test file gets a
// predictable configuration unless it sets its own.
process.env.WARDEN_DATA_DIR ??= "./.data-test";
