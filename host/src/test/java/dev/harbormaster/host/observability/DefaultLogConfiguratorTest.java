package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class DefaultLogConfiguratorTest {
  @Test
  void configuresWhatLogbackXmlSays_andStopsTheXmlConfigurator() {
    LoggerContext context = new LoggerContext();
    DefaultLogConfigurator configurator = new DefaultLogConfigurator();
    configurator.setContext(context);

    assertThat(configurator.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("console"))
        .isInstanceOfSatisfying(
            ConsoleAppender.class, a -> assertThat(a.getTarget()).isEqualTo("System.err"));
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.javalin").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void leavesItToTheXmlConfigurator_whenAConfigurationFileIsNamed() {
    LoggerContext context = new LoggerContext();
    DefaultLogConfigurator configurator = new DefaultLogConfigurator();
    configurator.setContext(context);
    System.setProperty("logback.configurationFile", "elsewhere.xml");
    try {
      assertThat(configurator.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNull();
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }

  @Test
  void isRegisteredForLogbacksServiceLoader() {
    assertThat(
            ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()).toList())
        .contains(DefaultLogConfigurator.class.getName());
  }
}
