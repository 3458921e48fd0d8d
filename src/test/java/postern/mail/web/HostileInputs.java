package postern.mail.web;

import java.util.List;

/**
 * Values that must never reach maddy's files or a command: line breaks and NUL, the
 * separators of the aliases file and maddy.conf, quotes, shell syntax, paths, very long
 * strings, look-alike letters.
 */
final class HostileInputs {

	private HostileInputs() {
	}

	static List<String> addresses() {
		return List.of("a@x.org\nevil@x.org: b@x.org", "a@x.org\r\n", "a\0@x.org", ": b@x.org", "a:b@x.org",
				"a,b@x.org", "a b@x.org", " a@x.org", "\"a\"@x.org", "a'@x.org", "$(hostname)@x.org",
				"a@$(primary_domain)", "a;rm -rf /@x.org", "a|b@x.org", "`id`@x.org", "../../etc/passwd", "/etc/passwd",
				"a@x.org{", "a@x.org}", "#a@x.org", "a".repeat(10_000) + "@x.org", "pаypal@x.org", "a@раураl.com",
				"a@ｅｘａｍｐｌｅ.org", "a@@x.org", "@x.org", "a@", "a@b@x.org", "a..b@x.org");
	}

	static List<String> domains() {
		return List.of("x.org\nsmtp tcp://0.0.0.0:25 {", "x.org\r", "x\0.org", "x.org }", "{ x.org", "x.org:25",
				"x.org,y.org", "x.org y.org", "\"x.org\"", "x'.org", "$(hostname)", "x.org;reboot", "x.org|id",
				"`id`.org", "../etc", "/etc/maddy", "a".repeat(10_000) + ".org", "раураl.com", "ｅｘａｍｐｌｅ.org", "a@x.org",
				"#x.org", "localhost");
	}

}
