using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace PiriSite.Web.Conventions;

/// <summary>
/// Every action that answers GET answers HEAD too, as HTTP expects (RFC 9110, 9.3.2): link checkers, uptime
/// monitors and some crawlers ask with HEAD, and <c>[HttpGet]</c> alone answers them 404. The action runs as for
/// GET, so status and headers are the same; the server sends no body for HEAD.
/// </summary>
internal sealed class HeadAsGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is null || !constraint.HttpMethods.Contains(HttpMethods.Get) || constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            // Endpoint routing matches on this metadata, not on the constraint.
            var metadata = selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList();
            foreach (var item in metadata)
            {
                selector.EndpointMetadata.Remove(item);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }
}
