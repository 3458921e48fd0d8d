package postern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages form a graph without cycles, and none reaches into another's
 * internals. The test also writes the module graph shown in docs/architecture.md.
 */
class ModulesTests {

	private final ApplicationModules modules = ApplicationModules.of(PosternApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

}
