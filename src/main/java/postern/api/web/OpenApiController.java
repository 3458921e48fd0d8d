package postern.api.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's OpenAPI description, behind the API's own security. It is written from the
 * controllers by springdoc when the tests run ({@code OpenApiDocumentTests}, which fails
 * when the file no longer matches them) and served here as it is: describing the API at
 * run time would cost a scan of every controller and a second JSON library.
 */
@RestController
class OpenApiController {

	static final String JSON = "api/openapi.json";

	static final String YAML = "api/openapi.yaml";

	/** The media type springdoc gives the YAML form. */
	private static final MediaType OPENAPI_YAML = MediaType.parseMediaType("application/vnd.oai.openapi");

	@GetMapping("/api/v1/openapi")
	ResponseEntity<Resource> json() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ClassPathResource(JSON));
	}

	@GetMapping("/api/v1/openapi.yaml")
	ResponseEntity<Resource> yaml() {
		return ResponseEntity.ok().contentType(OPENAPI_YAML).body(new ClassPathResource(YAML));
	}

}
