using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LandRelease.Api.Reports.Html;

/// <summary>Renders a printable document (a Razor component) to a string: Razor encodes every value it writes.</summary>
internal sealed class HtmlDocuments(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
