package postern.infrastructure;

/**
 * Whether a form that both adds and edits (a host, an alias, a site) adds a new one or
 * changes one; the model's {@code editMode}.
 */
public enum EditMode {

	CREATE, UPDATE;

	/**
	 * Whether the form changes an existing one, for the templates.
	 * @return {@code true} for {@link #UPDATE}
	 */
	public boolean isUpdate() {
		return this == UPDATE;
	}

}
