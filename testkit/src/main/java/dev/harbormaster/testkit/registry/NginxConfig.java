package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.PeerBinaries;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Renders nginx.conf for a {@link HarborFront}: one rewrite location per project, all temp paths
 * and logs under the work directory, unbuffered proxying (see {@code notes/test-peers.md}).
 */
final class NginxConfig {

  private NginxConfig() {}

  static String render(
      int port,
      Path dir,
      Map<String, RegistryPeer> projects,
      Optional<Path> htpasswd,
      boolean redirectToLibrary) {
    StringBuilder locations = new StringBuilder();
    htpasswd.ifPresent(
        file ->
            locations
                .append("    auth_basic \"harbor\";\n    auth_basic_user_file ")
                .append(file)
                .append(";\n"));
    String first = projects.values().iterator().next().host();
    locations.append("    location = /v2/ { proxy_pass http://").append(first).append("; }\n");
    if (redirectToLibrary) {
      // Harbor >= 2.7: /v2/<project>/<name>/... (one segment) answers 301 to .../library/<name>/...
      // Regex locations match in order, so these come before the project rewrites.
      projects
          .keySet()
          .forEach(
              project ->
                  locations
                      .append("    location ~ ^/v2/")
                      .append(project)
                      .append("/([^/]+)/(manifests|blobs|tags)/(.*)$ {\n      return 301 /v2/")
                      .append(project)
                      .append("/library/$1/$2/$3$is_args$args;\n    }\n"));
    }
    projects.forEach(
        (project, peer) ->
            locations
                .append("    location ~ ^/v2/")
                .append(project)
                .append("/ {\n      rewrite ^/v2/")
                .append(project)
                .append("/(.*)$ /v2/$1 break;\n      proxy_pass http://")
                .append(peer.host())
                .append(";\n    }\n"));
    locations.append("    location / { return 404; }\n");
    // As root, nginx workers would switch to "nobody", who cannot enter the 0700 temp dir.
    String user = PeerBinaries.isRoot() ? "user root;\n" : "";
    return user
        + "worker_processes 1;\n"
        + "pid "
        + dir.resolve("nginx.pid")
        + ";\n"
        + "error_log "
        + dir.resolve("error.log")
        + " info;\n"
        + "events { worker_connections 256; }\n"
        + "http {\n"
        + "  access_log "
        + dir.resolve("access.log")
        + " combined;\n"
        + "  client_body_temp_path "
        + dir.resolve("client_body")
        + ";\n"
        + "  proxy_temp_path "
        + dir.resolve("proxy_temp")
        + ";\n"
        + "  fastcgi_temp_path "
        + dir.resolve("fastcgi_temp")
        + ";\n"
        + "  uwsgi_temp_path "
        + dir.resolve("uwsgi_temp")
        + ";\n"
        + "  scgi_temp_path "
        + dir.resolve("scgi_temp")
        + ";\n"
        + "  client_max_body_size 0;\n"
        + "  proxy_buffering off;\n"
        + "  proxy_request_buffering off;\n"
        + "  proxy_http_version 1.1;\n"
        + "  proxy_set_header Host $http_host;\n"
        + "  server {\n"
        + "    listen 127.0.0.1:"
        + port
        + ";\n"
        + locations
        + "  }\n"
        + "}\n";
  }
}
