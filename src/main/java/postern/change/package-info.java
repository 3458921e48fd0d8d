/**
 * The change pipeline shared by every config edit: preview (diff and validation), then
 * apply (conflict check, locked writes, reloads) with a full rollback when any step
 * fails. Features plug in their own {@link postern.change.ChangeValidator validators} and
 * {@link postern.change.ChangeReloader reloaders}.
 */
package postern.change;
