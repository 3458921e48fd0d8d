package postern.names;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DomainNamesTests {

	@ParameterizedTest
	@CsvSource({ "xoyize.xyz, xoyize.xyz", "Cinay.EU, cinay.eu", "mx1.xoyize.xyz, mx1.xoyize.xyz",
			"café.fr, xn--caf-dma.fr", "bücher.example, xn--bcher-kva.example", "пример.рф, xn--e1afmkfd.xn--p1ai",
			"a-b.c-d.org, a-b.c-d.org" })
	void toAsciiStoresLowerCaseAscii(String input, String stored) {
		assertThat(DomainNames.toAscii(input)).isEqualTo(stored);
		assertThat(DomainNames.isValidAscii(stored)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|",
			value = { "раураl.com|domain.invalid.mixed-scripts", "раура.com|domain.invalid.look-alike",
					"ｅｘａｍｐｌｅ.com|domain.invalid.look-alike", "localhost|domain.invalid.single-label",
					"example.123|domain.invalid.syntax", "-bad.example|domain.invalid.syntax",
					"bad-.example|domain.invalid.syntax", "a..example|domain.invalid.syntax",
					"a_b.example|domain.invalid.syntax", "xn--pple-43d.com|domain.invalid.mixed-scripts",
					"xn--80ak6aa92e.com|domain.invalid.syntax", "www.xn--e1awd7f.com|domain.invalid.look-alike",
					"xn--zz.org|domain.invalid.syntax", "xn--.org|domain.invalid.syntax",
					"example.org\u2044etc|domain.invalid.syntax" })
	void suspiciousOrMalformedNamesAreRefusedWithAReason(String input, String reason) {
		assertThatExceptionOfType(InvalidDomainException.class).isThrownBy(() -> DomainNames.toAscii(input))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo(reason));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " example.org", "example.org ", "exa mple.org", "example.org\n", "ex\rample.org",
			"example.org;rm", "$(hostname).org", "../etc", "/etc/passwd", "ex\"ample.org", "ex'ample.org",
			"ex`ample.org", "ex{ample}.org", "a@b.org", "ex:ample.org", "ex,ample.org", "example.org.",
			"ex\0ample.org" })
	void hostileNamesAreRefused(String input) {
		assertThatExceptionOfType(InvalidDomainException.class).isThrownBy(() -> DomainNames.toAscii(input));
	}

	@org.junit.jupiter.api.Test
	void veryLongNamesAreRefused() {
		assertThatExceptionOfType(InvalidDomainException.class)
			.isThrownBy(() -> DomainNames.toAscii("a".repeat(10_000) + ".org"));
		assertThatExceptionOfType(InvalidDomainException.class)
			.isThrownBy(() -> DomainNames.toAscii("a".repeat(64) + ".org"));
	}

}
