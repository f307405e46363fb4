package dev.harbormaster.plugin.harborproxy.mapping;

/**
 * Why an image is not warmed.
 *
 * @param reason a bounded classifier for metrics: {@code no-project} (registry not mapped), {@code
 *     no-project-segment} (pathIsProject, but the path has a single segment), {@code invalid} (the
 *     reference does not parse, or the Harbor name would be too long)
 * @param detail the image and what is wrong, for logs and status
 */
public record Unmapped(String reason, String detail) {}
