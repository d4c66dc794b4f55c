namespace Trygg.Cards;

/// <summary>
/// Small template/data pairs covering the expression subset, checked against the official engine in the same
/// node batch as the templates. Only behaviours we claim to match belong here; deliberate divergences are pinned in
/// <see cref="TemplateEngineTests"/>.
/// </summary>
internal static class OracleProbes
{
    private const string Data = """
        {"n":5,"x":3.14159,"num":1234.5,"neg":-1234.567,"s":"abc","t":"  pad ","show":true,"nil":null,"team":"T",
         "arr":[1,2,3],"people":[{"name":"A","age":30},{"name":"B","age":12}],"empty":[],"o":{"k":"v","n":{"m":1}},
         "dt":"2024-03-05T14:07:09.123Z","local":"2024-03-05T09:30:00","Mixed":{"Case":"yes"}}
        """;

    private static readonly string[] Expressions =
    [
        "${n}", "x ${n}", "${nope}", "Hi ${nope}!", "${nope.deeper}", "${o.k}", "${o['k']}", "${o.n.m}", "${arr[1]}",
        "${people[1].name}", "${people[5].name}", "${mixed.case}", "${$root.team}", "${$data.n}", "${nil}",
        "${n + 1}", "${n - 7}", "${n * 2}", "${n / 2}", "${7 / 2.0}", "${x * 2}", "${10 % 3}", "${-n}", "${1 + 2 * 3}", "${(1 + 2) * 3}",
        "${'a' + 'b'}", "${s + 1}", "${'1' == 1}", "${1 == 1.0}", "${nil == null}", "${nope == null}", "${s == 'abc'}",
        "${n > 3}", "${n >= 5}", "${n < 5}", "${n <= 4}", "${'a' < 'b'}", "${nope > 1}", "${nil > 1}", "${n != 5}",
        "${show && n > 1}", "${show || false}", "${!show}", "${!nope}", "${nope && true}", "${and(show, true, n > 4)}", "${or(false, nil)}", "${not(nil)}",
        "${if(n > 1, 'big', 'small')}", "${if(nope, 1, 2)}", "${if(s, 'truthy', 'falsy')}",
        "${exists(nope)}", "${exists(s)}", "${exists(nil)}", "${empty(empty)}", "${empty('')}", "${empty(nope)}", "${empty(o)}", "${empty(arr)}",
        "${count(arr)}", "${count(s)}", "${count(o)}", "${count(nope)}", "${length(s)}", "${length(nope)}",
        "${concat(s, 'd', n)}", "${concat(s, nope)}", "${join(arr, ', ')}", "${join(select(people, p, p.name), ', ', ' and ')}",
        "${first(arr)}", "${last(arr)}", "${first(s)}", "${first(people).name}",
        "${toUpper(s)}", "${toLower('ÅÄÖ')}", "${toUpper(nope)}", "${trim(t)}", "${substring(s, 1)}", "${substring(s, 1, 1)}",
        "${replace('a-b-c', '-', '+')}", "${startsWith(s, 'ab')}", "${endsWith(s, 'bc')}", "${contains(s, 'b')}", "${contains(arr, 2)}",
        "${contains(o, 'k')}", "${contains(nope, 'x')}",
        "${string(n)}", "${string(num)}", "${string(o)}", "${string(arr)}", "${string(true)}", "${int('42')}", "${int(x)}", "${float('2.5')}",
        "${add(1, 2.5)}", "${sub(5, 7)}", "${mul(2, 0.5)}", "${div(5, 2)}", "${div(x, 2)}",
        "${formatNumber(x, 2)}", "${formatNumber(num, 2, 'en-US')}", "${formatNumber(num, 2, 'sv-SE')}", "${formatNumber(neg, 1, 'sv-SE')}",
        "${formatNumber(neg, 0)}", "${formatNumber(0.125, 2)}", "${formatNumber(-0.001, 2)}", "${formatNumber(1234567.891, 0, 'en-US')}",
        "${formatDateTime(dt)}", "${formatDateTime(dt, 'ddd MMM d')}", "${formatDateTime(dt, 'yyyy-MM-dd HH:mm:ss')}",
        "${formatDateTime(dt, 'dddd, MMMM dd, yyyy hh:mm tt')}", "${formatDateTime(dt, 'yy M d H h m s t')}", "${formatDateTime(dt, 'HH:mm:ss.fff')}",
        "${formatDateTime(dt, 'd/M/yyyy')}", "${formatDateTime(dt, 'yyyy\\'T\\'HH')}", "${formatDateTime(local, 'yyyy-MM-dd HH:mm')}",
        "${formatDateTime(dt, 'o')}", "${formatDateTime(dt, 'K zzz zz')}", "${formatDateTime(dt, 'dd MMMM yyyy', 'sv-SE')}",
        "${where(arr, i, i > 1)}", "${where(people, p, p.age > 18)}", "${select(arr, i, i * 2)}", "${count(where(people, p, p.age > 100))}",
        "${[1, 'two']}", "${{a: 1}}", "\\${n} is escaped", "${'}'}", "${", "${n", "$${n}", "${n}${n}", "back\\\\ ${n}",
    ];

    public static IEnumerable<(string Label, string Template, string Data)> All()
    {
        foreach (var expression in Expressions)
        {
            var template = new System.Text.Json.Nodes.JsonObject { ["v"] = expression }.ToJsonString();
            yield return (expression, template, Data);
        }

        yield return ("repeat with $index and $root", """{"items":[{"$data":"${people}","text":"${$index}: ${name} of ${$root.team}"}]}""", Data);
        yield return ("$when expression/negated/literal", """[{"$when":"${show}","a":1},{"$when":"${!show}","a":2},{"$when":"show","a":3},{"$when":true,"a":4},{"$when":false,"a":5},{"$when":"${1}","a":6},{"$when":"${nope}","a":7}]""", Data);
        yield return ("dropped property is null", """{"p":{"$when":"${false}","a":1},"q":2}""", Data);
        yield return ("$data over [] removes", """{"items":[{"$data":"${empty}","a":1},{"b":2}],"single":{"$data":"${empty}","a":1}}""", Data);
        yield return ("single-item repeat is an object", """{"one":{"$data":"${where(people, p, p.age > 18)}","n":"${name}"},"two":{"$data":"${people}","n":"${name}"}}""", Data);
        yield return ("nulls vanish from arrays, nested arrays flatten", """{"a":["${nil}",null,1,[2,[3]],"${arr}"],"b":"${nil}"}""", Data);
        yield return ("literal $data", """{"$data":{"name":"lit"},"t":"${name}","inner":{"$data":"people","t":"${$data}"}}""", Data);
        yield return ("missing $data path rescopes to its text", """{"x":{"$data":"${nope}","t":"${name}"}}""", Data);
        yield return ("nested $data and $index", """{"rows":[{"$data":"${people}","cells":[{"$data":"${arr}","t":"${$index}/${$data}"}]}]}""", Data);
        yield return ("$when per repeated item", """{"rows":[{"$data":"${people}","$when":"${age > 18}","t":"${name}"}]}""", Data);
        yield return ("reserved props stripped, $schema kept", """{"$schema":"s","$root":1,"$index":2,"$host":3,"$_acTemplateVersion":4,"$other":5}""", Data);
        yield return ("data strings are never evaluated", """{"a":"${v}","b":"pre ${v} post","c":"${w.z}","d":["${v}"]}""", """{"v":"${w}","w":{"z":"${v} \\${x}"}}""");
    }
}
