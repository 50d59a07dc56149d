using System.Data.Common;
using Dapper;

namespace Hqt.Api.Graph;

// Two works that turn out to be one.
public sealed partial class GraphStore
{
    /// <summary>Two works turned out to be one (a URL and a DOI met): move everything onto <paramref name="keep"/>.</summary>
    /// <remarks>The captures pointing at the dropped work move too (<c>captures.work_id</c> names a work of the graph). What
    /// the kept work lacks it takes from the dropped one, its identifiers included (a title-less journal reference merged
    /// with the record a search found for it takes that record's DOI).</remarks>
    static async Task MergeWorksAsync(DbConnection connection, DbTransaction tx, long keep, long drop, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE citations SET citing_work_id = @keep WHERE citing_work_id = @drop;
            UPDATE citations SET cited_work_id = @keep WHERE cited_work_id = @drop;
            DELETE FROM citations WHERE citing_work_id = @keep AND cited_work_id = @keep;
            INSERT INTO authorships (work_id, person_id, position)
              SELECT @keep, person_id, position FROM authorships WHERE work_id = @drop
              ON CONFLICT (work_id, person_id) DO NOTHING;
            UPDATE work_identities SET work_id = @keep WHERE work_id = @drop;
            UPDATE captures SET work_id = @keep WHERE work_id = @drop;
            UPDATE works SET
              document_id = COALESCE(document_id, (SELECT document_id FROM works WHERE id = @drop)),
              title = COALESCE(title, (SELECT title FROM works WHERE id = @drop)),
              url = COALESCE(url, (SELECT url FROM works WHERE id = @drop)),
              doi = COALESCE(doi, (SELECT doi FROM works WHERE id = @drop)),
              arxiv_id = COALESCE(arxiv_id, (SELECT arxiv_id FROM works WHERE id = @drop)),
              isbn = COALESCE(isbn, (SELECT isbn FROM works WHERE id = @drop)),
              pmid = COALESCE(pmid, (SELECT pmid FROM works WHERE id = @drop)),
              authors_json = CASE WHEN authors_json = '[]' THEN (SELECT authors_json FROM works WHERE id = @drop) ELSE authors_json END,
              year = COALESCE(year, (SELECT year FROM works WHERE id = @drop)),
              cited_by_count = COALESCE(cited_by_count, (SELECT cited_by_count FROM works WHERE id = @drop)),
              container = COALESCE(container, (SELECT container FROM works WHERE id = @drop)),
              volume = COALESCE(volume, (SELECT volume FROM works WHERE id = @drop)),
              issue = COALESCE(issue, (SELECT issue FROM works WHERE id = @drop)),
              pages = COALESCE(pages, (SELECT pages FROM works WHERE id = @drop)),
              publisher = COALESCE(publisher, (SELECT publisher FROM works WHERE id = @drop))
            WHERE id = @keep;
            DELETE FROM works WHERE id = @drop;
            """, new { keep, drop }, tx, cancellationToken: ct));
    }
}
