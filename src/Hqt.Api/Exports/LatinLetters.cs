namespace Hqt.Api.Exports;

/// <summary>
/// Latin letters with one or two diacritics, their base letter and the LaTeX accents that write them. Generated once
/// from Unicode's canonical decompositions (U+00C0–U+024F, U+1E00–U+1EFF) and kept as data: with invariant
/// globalization (Directory.Build.props) <c>string.Normalize</c> does not decompose, which made "Wüthrich" fold to "wthrich".
/// </summary>
static class LatinLetters
{
    public const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮ"
        + "įİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬ"
        + "ǭǰǴǵǸǹǺǻȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḔḕḖḗḜḝḞḟḠḡḢḣḤḥḦḧḨḩḮḯḰḱḲḳḴḵḶḷḸḹḺḻḾḿṀṁṂṃṄṅṆṇṈṉṌṍṎṏṐṑṒṓṔṕṖṗ"
        + "ṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễ"
        + "ỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    public const string Bases =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiI"
        + "iIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoO"
        + "ojGgNnAaHhAaEeOoOoOoOoYyBbBbBbCcDdDdDdDdEeEeEeFfGgHhHhHhHhIiKkKkKkLlLlLlMmMmMmNnNnNnOoOoOoOoPpPp"
        + "RrRrRrRrSsSsSsSsSsTtTtTtUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEe"
        + "EeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy";

    /// <summary>The LaTeX accent command of each letter's first diacritic, nearest the letter: <c>'</c> for \', <c>v</c> for
    /// \v, <c>c</c> for the cedilla; <c>h</c> (hook above) and <c>n</c> (horn) have no command in plain LaTeX.</summary>
    public const string Accents =
        "`'^~\"rc`'^\"`'^\"~`'^~\"`'^\"'`'^~\"rc`'^\"`'^\"~`'^~\"`'^\"'\"==uukk''^^..vvvv==uu..kkvv^^uu..cc^^~~==uuk"
        + "k.^^cc''ccvv''ccvv==uuHH''ccvv''^^ccvvccvv~~==uurrHHkk^^^^\"''..vvnnnnvvvvvvvv\"\"\"\"\"\"\"\"\"\"..vvvvkkk"
        + "kv''``rrvv..cc\"\"~~....==..ddbbcc..ddbbcc====cc..==..dd\"\"cc\"\"''ddbbddddbb''..dd..ddbb~~~~====''.."
        + "..ddddbb..dd''vvdd..ddbb~~==~~dd``''\"\"..dd..\"\"..^^ddbbb\"rrddhh^^^^^^^^dduuuuuuuuddddhh~~^^^^^^^^"
        + "ddhhddddhh^^^^^^^^ddnnnnnnnnnnddhhnnnnnnnnnn``ddhh~~";

    /// <summary>The second diacritic (Vietnamese "ễ": circumflex, then tilde), or a space for none.</summary>
    public const string SecondAccents =
        "                                                                                                "
        + "                                                                             ==''vv``====      ="
        + "=     ''      ====  ==        ''        ``''uu            ''        ==              ''\"\"``''    "
        + "    ==      ......      ''\"\"                                  ''``hh~~^^''``hh~~uu      ''``hh~~"
        + "^^        ''``hh~~^^''``hh~~dd    ''``hh~~dd        ";
}
