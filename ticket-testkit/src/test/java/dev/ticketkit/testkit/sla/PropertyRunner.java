package dev.ticketkit.testkit.sla;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.ticketkit.testkit.story.TicketStory;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one property of a {@link SlaPolicyProperties} subclass through jqwik and returns how it ended. */
final class PropertyRunner {

  private PropertyRunner() {}

  /**
   * Runs a property.
   *
   * @param container the subclass
   * @param property the property method's name
   * @return the result of the one property that ran
   */
  static TestExecutionResult run(Class<? extends SlaPolicyProperties> container, String property) {
    List<TestExecutionResult> results =
        execute(selectMethod(container, property, TicketStory.class.getName()));
    if (results.size() != 1) {
      throw new IllegalStateException(container.getSimpleName() + "." + property + " ran "
          + results.size() + " properties: " + results);
    }
    return results.get(0);
  }

  /**
   * Runs every property of a class.
   *
   * @param container the class
   * @return the results, one per property that ran
   */
  static List<TestExecutionResult> runAll(Class<?> container) {
    return execute(selectClass(container));
  }

  private static List<TestExecutionResult> execute(DiscoverySelector selector) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selector).filters(EngineFilter.includeEngines("jqwik")).build();
    List<TestExecutionResult> results = new ArrayList<>();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          results.add(result);
        }
      }
    });
    return results;
  }
}
