-- An import links an item to an earlier case of another body by the same title (a guess shown as
-- such); without an index that look-up reads every item, and imports slowed as the archive grew.
CREATE INDEX agenda_item_title ON agenda_item(lower(title));
