package dev.harbormaster.host.http;

import dev.harbormaster.host.plugins.PluginRuntime;
import dev.harbormaster.host.plugins.RunningInstance;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.config.Durations;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /plugins} and {@code
 * /plugins/{instance}/status}.
 */
final class OperationsEndpoints {
  private final Readiness readiness;
  private final PrometheusMeterRegistry prometheus;
  private final PluginRuntime runtime;

  OperationsEndpoints(
      Readiness readiness, PrometheusMeterRegistry prometheus, PluginRuntime runtime) {
    this.readiness = readiness;
    this.prometheus = prometheus;
    this.runtime = runtime;
  }

  void healthz(Context ctx) {
    json(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok"));
  }

  void readyz(Context ctx) {
    boolean ready = readiness.isReady();
    json(
        ctx,
        ready ? 200 : 503,
        Json.MAPPER.createObjectNode().put("status", ready ? "ready" : "not ready"));
  }

  void metrics(Context ctx) {
    ctx.status(200)
        .contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(prometheus.scrape());
  }

  void plugins(Context ctx) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (RunningInstance instance : runtime.instances()) {
      ObjectNode item = list.addObject();
      item.put("name", instance.config().name());
      item.put("plugin", instance.config().plugin());
      item.put("scope", instance.config().scope().name().toLowerCase(Locale.ROOT));
      item.put("state", instance.status().state().name().toLowerCase(Locale.ROOT));
      item.put("dryRun", instance.config().dryRun());
      item.put("failurePolicy", instance.config().failurePolicy().name().toLowerCase(Locale.ROOT));
      item.put("timeout", Durations.format(instance.config().timeout()));
    }
    json(ctx, 200, Json.MAPPER.createObjectNode().set("instances", list));
  }

  void status(Context ctx) {
    String name = ctx.pathParam("instance");
    Optional<RunningInstance> instance = runtime.find(name);
    if (instance.isEmpty()) {
      ErrorBodies.write(ctx, 404, "no instance named '" + name + "'");
      return;
    }
    Object document = instance.get().status().document().orElseGet(Json.MAPPER::createObjectNode);
    ctx.status(200).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(document));
  }

  private static void json(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
  }
}
