package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of {@code GET /v2/<name>/tags/list?n=<n>}: the tags and the next page from {@code Link:
 * <url>; rel="next"} (relative or absolute). The registry's order is not trusted by callers.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags">listing
 *     tags</a>
 */
final class TagLister implements RegistryOperation<TagLister.Page> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param tags the tags of this page
   * @param next the next page's URL, if any
   */
  record Page(List<String> tags, Optional<HttpUrl> next) {}

  private final RegistryEndpoint endpoint;
  private final String repository;
  private final HttpUrl url;

  /** The first page, {@code pageSize} tags per page when given. */
  static TagLister first(RegistryEndpoint endpoint, String repository, OptionalInt pageSize) {
    HttpUrl.Builder url =
        endpoint.baseUrl().newBuilder().addPathSegment("v2").addPathSegments(repository);
    url.addPathSegment("tags").addPathSegment("list");
    pageSize.ifPresent(n -> url.addQueryParameter("n", Integer.toString(n)));
    return new TagLister(endpoint, repository, url.build());
  }

  TagLister(RegistryEndpoint endpoint, String repository, HttpUrl url) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.url = url;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public HttpUrl url() {
    return url;
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pull(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 200;
  }

  @Override
  public Page handle(Response response) throws IOException {
    List<String> tags = new ArrayList<>();
    try {
      JsonNode list = JSON.readTree(response.body().bytes()).path("tags");
      for (JsonNode t : list) {
        if (t.isString()) {
          tags.add(t.stringValue());
        }
      }
    } catch (JacksonException e) {
      throw new PermanentRegistryException(
          describe() + ": answer is not a tag list: " + e.getOriginalMessage(), 200, List.of(), e);
    }
    return new Page(tags, nextPage(response));
  }

  /** Reads {@code Link: <url>; rel="next"}, resolving relative URLs against the request. */
  static Optional<HttpUrl> nextPage(Response response) {
    for (String link : response.headers("Link")) {
      for (String part : link.split(",")) {
        int open = part.indexOf('<');
        int close = part.indexOf('>', open + 1);
        if (open < 0 || close < 0) {
          continue;
        }
        String params = part.substring(close + 1).replace(" ", "").toLowerCase();
        if (params.contains("rel=\"next\"") || params.contains("rel=next")) {
          return Optional.ofNullable(
              response.request().url().resolve(part.substring(open + 1, close).trim()));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "GET tags " + endpoint.registry() + "/" + repository;
  }
}
