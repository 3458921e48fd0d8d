package postern.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import postern.api.ApiScope;
import postern.api.ApiTokens;

/**
 * The new-token form: a {@code name} that says what uses the token, and its
 * {@code scope}.
 */
class TokenForm {

	@NotBlank(message = "{api.token.name.required}")
	@Size(max = ApiTokens.MAX_NAME, message = "{api.token.name.too-long}")
	@Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*", message = "{api.token.name.invalid}")
	private String name;

	@NotNull(message = "{api.token.scope.required}")
	private ApiScope scope = ApiScope.READ;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ApiScope getScope() {
		return this.scope;
	}

	public void setScope(ApiScope scope) {
		this.scope = scope;
	}

}
