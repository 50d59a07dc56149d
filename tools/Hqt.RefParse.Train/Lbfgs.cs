namespace Hqt.RefParse.Train;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989) for a smooth convex objective: the search direction is the
/// gradient multiplied by an inverse-Hessian estimate built from the last <c>m</c> steps (the two-loop recursion), and
/// each step is found by backtracking from the full step until the Armijo condition holds.
/// </summary>
static class Lbfgs
{
    public sealed record Result(double[] X, double Value, int Iterations, int Evaluations, string Stopped);

    /// <param name="evaluate">Writes the gradient at x into its second argument and returns the objective's value.</param>
    /// <param name="log">Called after every iteration with (iteration, value, gradient norm, evaluations so far).</param>
    /// <remarks>
    /// Stops after <paramref name="maxIterations"/>, or when the value fell by less than <paramref name="delta"/> (relative)
    /// over the last <paramref name="period"/> iterations, or when the gradient is tiny beside the weights.
    /// </remarks>
    public static Result Minimize(Func<double[], double[], double> evaluate, double[] x0, int maxIterations, int memory = 6,
        double delta = 1e-5, int period = 10, Action<int, double, double, int>? log = null)
    {
        var n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        var f = evaluate(x, g);
        var evaluations = 1;
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        var stored = 0;
        var newest = -1;
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var history = new List<double> { f };
        var stopped = "iterations";

        var iteration = 0;
        while (iteration < maxIterations)
        {
            // Two-loop recursion: d = −H g.
            for (var j = 0; j < n; j++) d[j] = -g[j];
            for (var k = 0; k < stored; k++)
            {
                var at = (newest - k + memory) % memory;
                alpha[at] = rho[at] * Dot(s[at], d);
                Axpy(-alpha[at], y[at], d);
            }
            if (stored > 0)
            {
                var yy = Dot(y[newest], y[newest]);
                var gamma = 1 / (rho[newest] * yy);   // sᵀy / yᵀy: the usual initial Hessian scale
                for (var j = 0; j < n; j++) d[j] *= gamma;
            }
            for (var k = stored - 1; k >= 0; k--)
            {
                var at = (newest - k + memory) % memory;
                var beta = rho[at] * Dot(y[at], d);
                Axpy(alpha[at] - beta, s[at], d);
            }
            var slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): start over from the gradient.
                stored = 0;
                for (var j = 0; j < n; j++) d[j] = -g[j];
                slope = Dot(g, d);
            }

            // Backtracking line search (Armijo, c1 = 1e-4), halving, or interpolating the quadratic when that is smaller.
            var step = stored == 0 ? 1 / Math.Sqrt(Dot(g, g)) : 1.0;
            double fNew;
            var tries = 0;
            while (true)
            {
                for (var j = 0; j < n; j++) xNew[j] = x[j] + step * d[j];
                fNew = evaluate(xNew, gNew);
                evaluations++;
                if (fNew <= f + 1e-4 * step * slope) break;
                if (++tries >= 30) { stopped = "line search failed"; goto done; }
                var quadratic = -slope * step * step / (2 * (fNew - f - slope * step));
                step = double.IsFinite(quadratic) && quadratic > 0.1 * step && quadratic < 0.5 * step ? quadratic : step * 0.5;
            }

            // Keep the step and the gradient change; skip the pair when the curvature is not positive.
            var sy = 0.0;
            for (var j = 0; j < n; j++) sy += (xNew[j] - x[j]) * (gNew[j] - g[j]);
            if (sy > 1e-10)
            {
                var slot = (newest + 1) % memory;
                s[slot] ??= new double[n];
                y[slot] ??= new double[n];
                for (var j = 0; j < n; j++)
                {
                    s[slot][j] = xNew[j] - x[j];
                    y[slot][j] = gNew[j] - g[j];
                }
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, memory);
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            f = fNew;
            iteration++;
            history.Add(f);
            log?.Invoke(iteration, f, Math.Sqrt(Dot(g, g)), evaluations);

            if (history.Count > period && (history[^(period + 1)] - f) / Math.Max(Math.Abs(f), 1) < delta) { stopped = "converged"; break; }
            if (Math.Sqrt(Dot(g, g)) < 1e-5 * Math.Max(1, Math.Sqrt(Dot(x, x)))) { stopped = "gradient vanished"; break; }
        }
    done:
        return new Result(x, f, iteration, evaluations, stopped);
    }

    static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    static void Axpy(double a, double[] x, double[] y)
    {
        for (var j = 0; j < x.Length; j++) y[j] += a * x[j];
    }
}
