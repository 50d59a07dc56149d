using System.ComponentModel.DataAnnotations;
using Hqt.Api.Graph;
using Hqt.Api.Imports;
using Hqt.Api.Lookups;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Hosting;

/// <summary>
/// Options one way: every section bound with <c>AddOptions&lt;T&gt;().BindConfiguration(section)</c>, validated on start,
/// and injected as <see cref="IOptions{TOptions}"/>. A bad value stops the server before it listens, with a message
/// naming the configuration key (<c>Hqt:Lookups:MaxDepth: …</c>), not a member name or a stack trace from the first
/// request that happened to read it.
/// </summary>
public static class OptionsSetup
{
    public static IServiceCollection AddHqtOptions(this IServiceCollection services)
    {
        services.AddSection<HqtOptions>(HqtOptions.Section);
        services.AddSection<LookupsOptions>(LookupsOptions.Section);
        services.AddSection<GraphRefreshOptions>(GraphRefreshOptions.Section);
        services.AddSection<ImportOptions>(ImportOptions.Section);
        return services;
    }

    static OptionsBuilder<T> AddSection<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The few settings read before the host exists, through the same binding and validation as the rest: the API
    /// token's strength and the data directory must be settled before anything touches the data directory (its lock
    /// is the first thing taken), the data-protection keys live in it, and whether lookups are on decides which
    /// services exist at all (a server with lookups off registers no way to reach out).
    /// </summary>
    public static (HqtOptions Hqt, LookupsOptions Lookups) ReadBeforeHost(IConfiguration configuration) =>
        (Read<HqtOptions>(configuration, HqtOptions.Section), Read<LookupsOptions>(configuration, LookupsOptions.Section));

    static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new SectionValidation<T>(section).Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(section, typeof(T), result.Failures);
        return options;
    }
}

/// <summary>Data annotations and <see cref="IValidatableObject"/> checks of one section, each failure named by its full key.</summary>
public sealed class SectionValidation<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{string.Join(", ", r.MemberNames.DefaultIfEmpty("").Select(m => m.Length == 0 ? section : $"{section}:{m}"))}: {r.ErrorMessage}"));
    }
}
