package dev.faultline.driver.chaosmonkey;

/**
 * Whether Chaos Monkey is enabled, and what its status endpoint said.
 *
 * @param enabled whether assaults are being carried out
 * @param detail the status body: a JSON object (Chaos Monkey 3.x) or text (older releases)
 */
record MonkeyStatus(boolean enabled, Object detail) {
}
