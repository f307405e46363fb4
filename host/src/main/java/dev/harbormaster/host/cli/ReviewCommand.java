package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.observability.LoggingSetup;
import dev.harbormaster.host.runtime.HostRuntime;
import dev.harbormaster.spi.Review;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harbormaster review --config FILE [--endpoint mutate|validate] [-o yaml|json] FILE...|-}:
 * runs the pipeline offline, in-process, over AdmissionReview JSON or plain manifests, and prints
 * one result document per object (decision, warnings, patch, patched object). Exits 1 when any
 * object is denied.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Run the admission pipeline offline over manifests or AdmissionReview files.",
      "Without --endpoint, mutating instances run first and validating ones see the result,"
          + " as in the API server.",
      "Manifests are reviewed as CREATE with dryRun: true, so plugins cause no side effects.",
      "Exit codes: 0 all allowed, 1 some object denied or invalid config, 2 usage, 3 bad input."
    })
public final class ReviewCommand implements Callable<Integer> {
  /** Which stage(s) to run. */
  public enum Endpoint {
    /** Mutating instances only. */
    mutate,
    /** Validating instances only. */
    validate
  }

  /** Output format. */
  public enum Format {
    /** YAML documents. */
    yaml,
    /** JSON documents. */
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "Config file.")
  Path config;

  @Option(
      names = "--endpoint",
      paramLabel = "mutate|validate",
      description = "Run only this stage (default: mutate, then validate the result).")
  Endpoint endpoint;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Manifests or AdmissionReview files (YAML or JSON); '-' reads stdin.")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Review> reviews = new ArrayList<>();
    try {
      for (String file : files) {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
          reviews.addAll(ManifestReader.read(file, in));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("Cannot read input: " + e.getMessage());
      err.flush();
      return ExitCodes.ERROR;
    }
    LoadedConfig loaded;
    HostRuntime runtime;
    try {
      loaded = ConfigLoader.load(config);
      LoggingSetup.configure(loaded.config().server().logFormat(), LoggingSetup.debugRequested());
      runtime = HostRuntime.start(loaded, new SimpleMeterRegistry());
    } catch (RuntimeException e) {
      return ProblemPrinter.print(e, err);
    }
    try {
      OfflineReviewer reviewer = new OfflineReviewer(runtime.pipeline(), endpoint);
      ResultPrinter printer = new ResultPrinter(out, format == Format.json);
      boolean denied = false;
      for (Review review : reviews) {
        OfflineReviewer.Result result = reviewer.review(review);
        printer.print(review, result);
        denied |= !result.allowed();
      }
      out.flush();
      return denied ? ExitCodes.DENIED_OR_INVALID : ExitCodes.OK;
    } finally {
      runtime.close();
    }
  }
}
