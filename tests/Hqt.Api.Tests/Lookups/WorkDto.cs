namespace Hqt.Api.Tests.Lookups;

public sealed record WorkIdentityDto(string Scheme, string Value);
public sealed record WorkLinkDto(string Id, string? Title, int? Year, string? Url, string Origin, long? CaptureId, string? Label = null);
public sealed record WorkLookupDto(string State, string? Outcome, int Attempts, int Depth, string? UpdatedAt = null, string? NotBefore = null, string? LastError = null);
public sealed record WorkDto(string Id, string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, List<string> Authors,
    int? CitedByCount, bool IsCaptured, List<WorkIdentityDto> Identities, List<WorkLinkDto> References, List<WorkLinkDto> CitedBy, WorkLookupDto? Lookup,
    string? Container = null, string? Volume = null, string? Issue = null, string? Pages = null, string? Publisher = null, string? Label = null);

public sealed record SuggestionPathDto(string Relation, string Id, string? Title, string? Url);
public sealed record SuggestionDto(string Id, string Kind, string Title, string? Url, double Score, string Reason, List<SuggestionPathDto> Paths);
public sealed record SuggestionListDto(List<SuggestionDto> Items);
