using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// An SVG &lt;text&gt; element for the charts: inside a Razor code block &lt;text&gt; means "plain markup", so the
/// element is written from here. Attributes given are passed on (x, y, font-size, text-anchor, transform …).
/// </summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "fill", SvgInk.Text);
        builder.AddMultipleAttributes(2, Attributes);
        builder.AddContent(3, ChildContent);
        builder.CloseElement();
    }
}
