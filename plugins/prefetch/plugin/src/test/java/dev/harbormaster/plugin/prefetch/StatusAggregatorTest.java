package dev.harbormaster.plugin.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import dev.harbormaster.prefetch.model.ImagePrefetchStatus;
import dev.harbormaster.prefetch.model.ImageSummary;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PullPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {
  private static NodeReport node(String name, String image, PullPhase phase) {
    return new NodeReport(name, "", List.of(new NodeImage(image, phase, 1, "", "", "", 0, "")));
  }

  @Test
  void countsNodesPerPhase_perImageOfTheSpec_andNamesAtMostFiveFailingNodes() {
    List<NodeReport> reports = new ArrayList<>();
    reports.add(node("a", "r/x:1", PullPhase.Available));
    reports.add(node("b", "r/x:1", PullPhase.Pulling));
    for (int i = 0; i < 7; i++) {
      reports.add(node("f" + i, "r/x:1", i % 2 == 0 ? PullPhase.Error : PullPhase.Failed));
    }
    reports.add(node("other", "r/other:1", PullPhase.Available));
    var spec = new ImagePrefetchSpec(List.of("r/x:1", "r/y:1"), Map.of(), List.of(), "", 0, null);

    ImagePrefetchStatus status = StatusAggregator.aggregate(spec, reports);

    assertThat(status.nodes()).isEqualTo(9);
    assertThat(status.images())
        .containsExactly(
            new ImageSummary("r/x:1", 0, 1, 1, 3, 4, List.of("f0", "f1", "f2", "f3", "f4")),
            new ImageSummary("r/y:1", 0, 0, 0, 0, 0, List.of()));
  }
}
