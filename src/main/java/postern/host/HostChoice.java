package postern.host;

/**
 * An entry of the host switcher.
 *
 * @param id {@value Hosts#LOCAL_ID} for the local machine, else the remote host's id
 * @param name the host's name
 * @param selected whether the current request acts on it
 * @param trusted whether it may be selected (a remote host's key is confirmed)
 */
public record HostChoice(String id, String name, boolean selected, boolean trusted) {
}
