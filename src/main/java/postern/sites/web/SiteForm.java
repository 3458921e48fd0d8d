package postern.sites.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import postern.sites.MtaStsPolicy;
import postern.sites.Site;
import postern.sites.SiteInput;
import postern.sites.SiteKind;
import postern.sites.SiteValues;

/**
 * The new and edit form of a site. Shapes are checked here, field by field; what needs
 * the Caddyfile or the web root is checked by the service.
 */
public class SiteForm {

	@NotBlank
	@Pattern(regexp = "static|proxy|redirect|mta-sts", message = "{sites.error.kind}")
	private String kind = "static";

	@NotBlank
	@Size(max = 1000)
	@Pattern(regexp = SiteValues.ADDRESSES, message = "{sites.error.addresses}")
	private String addresses;

	@Size(max = 1000)
	@Pattern(regexp = "|" + SiteValues.ROOT, message = "{sites.error.root}")
	private String root;

	private boolean browse;

	private boolean gzip;

	@Size(max = 1000)
	@Pattern(regexp = "|" + SiteValues.UPSTREAMS, message = "{sites.error.upstreams}")
	private String upstreams;

	/**
	 * Its shape is checked by the service when it changed: the file's own value stays.
	 */
	@Size(max = 1000)
	private String redirectTo;

	@Pattern(regexp = SiteValues.REDIRECT_STATUS, message = "{sites.error.redirectStatus}")
	private String redirectStatus = Site.PERMANENT;

	@Size(max = 64)
	@Pattern(regexp = "|" + SiteValues.USER, message = "{sites.error.authUser}")
	private String authUser;

	@Size(max = 72)
	@Pattern(regexp = "[^\\r\\n\\x00]*", message = "{sites.error.authPassword.line}")
	private String authPassword;

	@Pattern(regexp = "testing|enforce|none", message = "{sites.error.mode}")
	private String mode = "testing";

	@Size(max = 1000)
	@Pattern(regexp = "|" + SiteValues.MX_HOSTS, message = "{sites.error.mx}")
	private String mx;

	@Min(60)
	@Max(31_557_600)
	private Long maxAge = 604_800L;

	private boolean createFolder;

	/**
	 * A form showing a site.
	 * @param site the site as read
	 * @return the form
	 */
	static SiteForm from(Site site) {
		SiteForm form = new SiteForm();
		form.kind = site.kind().value();
		form.addresses = String.join(" ", site.addresses());
		form.root = site.root();
		form.browse = site.browse();
		form.gzip = site.gzip();
		form.upstreams = String.join(" ", site.upstreams());
		form.redirectTo = site.redirectTo();
		form.redirectStatus = site.redirectStatus();
		form.authUser = (site.user() != null) ? site.user().name() : null;
		MtaStsPolicy policy = site.policy();
		if (policy != null) {
			form.mode = policy.mode();
			form.mx = String.join(" ", policy.mx());
			form.maxAge = policy.maxAge();
		}
		return form;
	}

	SiteInput toInput() {
		return new SiteInput(this.kind, this.addresses, this.root, this.browse, this.gzip, this.upstreams,
				this.redirectTo, this.authUser, this.authPassword, this.mode, this.mx, this.maxAge, this.createFolder,
				this.redirectStatus);
	}

	/**
	 * The form names of the kinds with a form.
	 * @return {@code static}, {@code proxy}, {@code redirect}, {@code mta-sts}
	 */
	static List<SiteKind> kinds() {
		return List.of(SiteKind.STATIC, SiteKind.PROXY, SiteKind.REDIRECT, SiteKind.MTA_STS);
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getAddresses() {
		return this.addresses;
	}

	public void setAddresses(String addresses) {
		this.addresses = addresses;
	}

	public String getRoot() {
		return this.root;
	}

	public void setRoot(String root) {
		this.root = root;
	}

	public boolean isBrowse() {
		return this.browse;
	}

	public void setBrowse(boolean browse) {
		this.browse = browse;
	}

	public boolean isGzip() {
		return this.gzip;
	}

	public void setGzip(boolean gzip) {
		this.gzip = gzip;
	}

	public String getUpstreams() {
		return this.upstreams;
	}

	public void setUpstreams(String upstreams) {
		this.upstreams = upstreams;
	}

	public String getRedirectTo() {
		return this.redirectTo;
	}

	public void setRedirectTo(String redirectTo) {
		this.redirectTo = redirectTo;
	}

	public String getRedirectStatus() {
		return this.redirectStatus;
	}

	public void setRedirectStatus(String redirectStatus) {
		this.redirectStatus = redirectStatus;
	}

	/**
	 * The statuses the form offers: Caddy's temporary default, permanent, and the status
	 * the file names when it is another.
	 * @return the values, in order
	 */
	public List<String> getRedirectStatuses() {
		List<String> statuses = new java.util.ArrayList<>(List.of("", Site.PERMANENT));
		if (this.redirectStatus != null && !statuses.contains(this.redirectStatus)) {
			statuses.add(this.redirectStatus);
		}
		return statuses;
	}

	public String getAuthUser() {
		return this.authUser;
	}

	public void setAuthUser(String authUser) {
		this.authUser = authUser;
	}

	public String getAuthPassword() {
		return this.authPassword;
	}

	public void setAuthPassword(String authPassword) {
		this.authPassword = authPassword;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getMx() {
		return this.mx;
	}

	public void setMx(String mx) {
		this.mx = mx;
	}

	public Long getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Long maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isCreateFolder() {
		return this.createFolder;
	}

	public void setCreateFolder(boolean createFolder) {
		this.createFolder = createFolder;
	}

}
