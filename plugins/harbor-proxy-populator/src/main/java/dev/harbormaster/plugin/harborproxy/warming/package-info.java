/**
 * Warming Harbor's proxy cache on worker threads: {@link
 * dev.harbormaster.plugin.harborproxy.warming.ProxyCacheWarmer} pulls an image through Harbor (see
 * {@code notes/harbor-proxy-cache.md}), {@link
 * dev.harbormaster.plugin.harborproxy.warming.WarmTask} runs it for the shared work queue and
 * classifies failures, {@link dev.harbormaster.plugin.harborproxy.warming.RecentResults} keeps what
 * the status document shows.
 */
package dev.harbormaster.plugin.harborproxy.warming;
