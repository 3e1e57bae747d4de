"""A version is an immutable snapshot: the database itself refuses to change or delete it.

Only the lifecycle columns (status and its dates, the PDF request) may change, and a signed
version's status never changes again.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION conventions_version_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a version of a document is never deleted';
    END IF;
    IF NEW.document_id IS DISTINCT FROM OLD.document_id
       OR NEW.number IS DISTINCT FROM OLD.number
       OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
       OR NEW.draft_revision IS DISTINCT FROM OLD.draft_revision
       OR NEW.reason IS DISTINCT FROM OLD.reason
       OR NEW.proposed_by_id IS DISTINCT FROM OLD.proposed_by_id
       OR NEW.proposed_by_name IS DISTINCT FROM OLD.proposed_by_name
       OR NEW.proposed_at IS DISTINCT FROM OLD.proposed_at THEN
        RAISE EXCEPTION 'a version of a document is immutable';
    END IF;
    IF OLD.status = 'signed' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'a signed version stays signed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conventions_version_frozen
BEFORE UPDATE OR DELETE ON conventions_version
FOR EACH ROW EXECUTE FUNCTION conventions_version_frozen();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS conventions_version_frozen ON conventions_version;
DROP FUNCTION IF EXISTS conventions_version_frozen();
"""


class Migration(migrations.Migration):
    dependencies = [("conventions", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
