# ruff: noqa: E501  (the messages are paragraphs as typed, one line each)
"""Long messages as diaspora members write them: several paragraphs of story, then (or in between)
the question. Written for tests/test_long_messages.py and benchmarks/long_messages.py; each is
longer than MAX_QUESTION_LENGTH (1,500 characters) and shorter than Telegram's 4,096."""

from __future__ import annotations

#: Dutch: a brother in prison since the protests, the family cannot visit; asks whether diplomats can.
NL_VISITS = """Goedemiddag,

Ik woon sinds 2016 in Utrecht, ik ben getrouwd met een Nederlander en werk hier als verpleegkundige. Mijn familie woont nog in Belarus, in Grodno. Mijn jongere broer Pavel is in september 2020 opgepakt na een demonstratie in het centrum van de stad. Hij had alleen een wit-rood-witte vlag bij zich en heeft niemand iets gedaan. Hij heeft eerst tien dagen in een cel gezeten waar ze met twaalf man in een ruimte voor vier zaten, daarna is hij overgebracht en uiteindelijk veroordeeld tot drie jaar.

Mijn moeder mag hem bijna nooit zien. Brieven komen niet aan of komen maanden later aan, soms met zwarte strepen erdoor. Van een vriend die al vrij is hoorden we dat er 's nachts het licht aan blijft en dat zieke mensen geen dokter krijgen. Mijn moeder is 67 en heeft suikerziekte, ze reist elke maand met de bus naar de gevangenis en wordt dan weer weggestuurd. Ik kan zelf niet meer naar Belarus reizen, want ik ben bang dat ik bij de grens word vastgehouden omdat ik hier in Amsterdam op de Dam heb gestaan met een bord.

Ik lees veel in het nieuws over Belarus maar ik begrijp niet goed wat Nederland eigenlijk kan doen. Ik heb ook al een brief gestuurd naar de gemeente maar daar wisten ze het ook niet. Mijn man zegt dat ik het moet vragen aan iemand die het beleid kent en een vriendin stuurde mij deze bot. Sorry voor het lange verhaal, het is moeilijk om het kort te houden als het over je eigen broer gaat en ik slaap er slecht van. Ik hoop echt dat er iemand is die kan helpen of in elk geval kan kijken hoe het met hem gaat en of hij nog gezond is.

Mogen diplomaten van Nederland of de EU politieke gevangenen in Belarus bezoeken in de gevangenis?

Alvast heel erg bedankt voor het antwoord.
Groet, Olga"""

#: English: threatened after a protest in The Hague; asks whether there is a special place to report it.
EN_REPORTING = """Hello, I hope this is the right place to ask.

I am a Belarusian student in Groningen, I came here in 2021 after my university in Minsk expelled me because I signed a letter against the violence after the elections. Since then I have been helping a small group of Belarusians here, we organise meetings, we collect money for families of people who are in prison and we go to the demonstrations in The Hague and Amsterdam with the flags.

A few weeks ago after the rally in front of the embassy somebody started writing to me on Telegram. At first it was just insults, then they sent me photos of my parents' apartment block in Mogilev and wrote that they know where my younger sister goes to school. Another girl from our group got a message that her name is on a list and that she will be arrested as soon as she crosses the border. I don't know who these people are, maybe they are just trolls, maybe they really work for the KGB, we cannot check it. My parents told me to stop everything and to stay quiet, but I don't want to be afraid all the time.

My flatmate, who is Dutch, says that in the Netherlands nobody can touch me and that I am being paranoid. Maybe he is right, but he has never seen what happened in Minsk in August, when people were taken from the street in front of their children.

I went to the police station once, the officer was friendly but he said that insults on the internet are difficult and that I should block the accounts. I did block them but new accounts appear every week. My friends from Ukraine and from Russia say that in their communities it is the same and that nobody really takes it seriously.

Is there a special reporting point in the Netherlands for Belarusians who feel threatened or intimidated?

Thank you for reading all of this, and sorry for my English."""

#: Russian: a cousin's trial in Minsk; asks whether EU diplomats attend the trials of political prisoners.
RU_TRIALS = """Здравствуйте.

Пишу вам из Эйндховена, я здесь уже четыре года, работаю программистом. У меня в Минске остался двоюродный брат Андрей, ему 24 года. Его задержали ещё в августе 2020 года, когда он просто шёл домой после работы мимо Стелы, там как раз разгоняли людей. Его били в автозаке, потом держали на Окрестина, мы несколько дней вообще не знали, где он и жив ли он. Потом его отпустили, но через полгода пришли снова, уже домой, в шесть утра, и забрали телефон и ноутбук.

Теперь против него уголовное дело, якобы за участие в массовых беспорядках. Адвокат говорит, что суд будет закрытым и что родственников, скорее всего, тоже не пустят в зал. Тётя очень боится, что его осудят на много лет и никто даже не узнает, что там происходило. Она спрашивала меня, может ли кто-то из Европы хотя бы прийти и посмотреть, потому что когда в зале сидят иностранцы, судьи ведут себя хоть немного иначе. Я читал, что на некоторые процессы приходили люди из посольств, но не понимаю, как это работает и можно ли об этом попросить.

Андрей всегда был очень спокойным, он никогда не занимался политикой, играл на гитаре и ремонтировал велосипеды соседям. Когда я с ним разговаривал последний раз по видеосвязи, он сказал, что не жалеет ни о чём, но очень устал. Его девушка тоже уехала, сейчас она в Варшаве и каждый день пишет мне, не знаю ли я чего-нибудь нового. Я ничего не знаю, и это самое тяжёлое. В наших чатах пишут, что сейчас такие суды идут почти каждый день и что приговоры становятся всё жёстче.

Я сам не могу поехать в Беларусь, у меня тоже были проблемы с паспортом, и я боюсь, что меня там задержат. Поэтому всё, что я могу делать, это писать письма и спрашивать.

Присутствуют ли дипломаты стран ЕС на судах над политическими заключёнными в Беларуси?

Спасибо, что прочитали до конца."""

#: Belarusian: a small company owner's family and the regime's firms; asks which EU sanctions there are.
BE_SANCTIONS = """Добры дзень.

Я жыву ў Роттэрдаме з 2019 года, працую на складзе, а мой муж вадзіцель. Мы абодва з Гомеля. Пасля жніўня 2020 года мы хадзілі на ўсе акцыі ў Гаазе і ў Амстэрдаме, мы стаялі з бел-чырвона-белымі сцягамі і збіралі подпісы. Мой бацька ў Гомелі раней працаваў на вялікім дзяржаўным заводзе, і калі людзі там пачалі страйкаваць, многіх звольнілі, а некаторых затрымалі. Бацьку таксама выклікалі і казалі, што калі дачка за мяжой не супакоіцца, у яго будуць праблемы.

Цяпер мы ўвесь час чуем у навінах, што Еўропа нешта робіць супраць рэжыму, але людзі ў нашай суполцы спрачаюцца, ці гэта наогул нешта значыць. Адны кажуць, што гэта толькі словы, іншыя кажуць, што некаторым чыноўнікам ужо нельга ездзіць у Еўропу і што іх грошы ў банках замарожаныя. Мой муж кажа, што гэта датычыць толькі некалькіх чалавек, а не тых, хто сапраўды вінаваты ў тым, што адбывалася на вуліцах. Я не ведаю, каму верыць, бо ў тэлеграм-каналах пішуць зусім рознае, і часта гэта проста чуткі.

Яшчэ адна гісторыя: мая сяброўка са школы працавала бухгалтаркай у фірме, якая прадавала калійныя ўгнаенні за мяжу. Яна расказвала, што пасля 2021 года кантракты з еўрапейскімі кліентамі спыніліся і частку людзей адправілі ў адпачынак за свой кошт. Яна таксама не разумее, ці гэта з-за палітыкі, ці проста бізнес. А мой дзядзька кажа, што цяпер усё ідзе праз Расію і нічога не змянілася. Я спрабавала чытаць навіны на розных сайтах, але там шмат слоў, якіх я не ведаю, і я не магу зразумець, што сапраўды вырашана, а што толькі абмяркоўваецца.

Мне вельмі важна разумець, што адбываецца, бо мая маці ўсё яшчэ там і кожны раз пытаецца ў мяне па тэлефоне, ці дапаможа Еўропа. Я не хачу абяцаць ёй тое, чаго няма.

Якія санкцыі Еўрапейскі саюз увёў супраць Беларусі?

Дзякуй вам за адказ і прабачце за доўгі ліст."""

#: Dutch, the question in the middle and as a request ('ik wil graag weten'), a story after it.
NL_REQUEST_IN_THE_MIDDLE = """Beste mensen,

Ik ben Belarussische en woon met mijn twee kinderen in Almere. Sinds ik hier kwam probeer ik een gewoon leven op te bouwen, ik heb een baan gevonden bij een schoonmaakbedrijf en de kinderen gaan naar een Nederlandse school. Mijn oudste zoon spreekt al beter Nederlands dan ik. Maar ik kan niet stoppen met denken aan de mensen die nog in Belarus vastzitten. Een collega van mijn vroegere werk in Minsk is veroordeeld omdat ze geld had overgemaakt naar een fonds voor gezinnen van gevangenen, en een buurman is verdwenen na een huiszoeking.

Ik wil graag weten of de Nederlandse regering de EU-sancties tegen Belarus nog verder wil uitbreiden

Ik vraag het omdat ik op verjaardagen hier steeds hoor dat de sancties niets doen en dat de mensen in Belarus er zelf last van hebben. Mijn zwager zegt dat de winkels in Minsk gewoon vol liggen en dat de machthebbers gewoon via andere landen handelen. Ik weet niet of dat klopt. Ik hoor ook dat het allemaal heel langzaam gaat omdat alle landen het eens moeten zijn, en dat sommige landen liever zaken doen. Mijn kinderen vragen me soms waarom we niet terug kunnen naar oma en ik weet niet wat ik moet zeggen. Het voelt alsof de hele wereld het alweer vergeten is, er gebeurt zoveel anders in het nieuws. Mijn moeder zegt aan de telefoon dat ze niet meer durft te praten omdat ze bang is dat er meegeluisterd wordt. Ik heb op een avond met andere moeders uit de buurt gepraat en zij begrepen er ook niets van, daarom probeer ik het hier.

Mijn oudste zoon wil later journalist worden, zegt hij, en dan wil hij over Belarus schrijven. Ik ben daar trots op maar ook een beetje bang voor.

Dank u wel voor uw tijd."""

#: English, out of scope (visas): a long story, then a question the store does not answer.
EN_VISA = """Dear team,

My mother lives alone in Vitebsk. My father died two years ago and since then she has been very lonely, she calls me every evening and cries. I live in Leiden with my husband and our daughter, who is now three years old and whom my mother has only seen on video calls. Because of my activity here, I went to several demonstrations and I gave an interview to a local newspaper about the situation after the elections, I am afraid to travel to Belarus myself. A friend of mine was stopped at the border last year and questioned for six hours about her posts on Instagram.

So the only way for us to see each other is if my mother comes here. She is 71, she has never been abroad except once to Poland, and she does not speak any English. The embassy situation is also very confusing, people in our Telegram group say that appointments are impossible to get and that you have to go to Warsaw or Vilnius. Some say you need an invitation letter from the municipality, others say you need to show a lot of money in the bank. My husband tried to read the government website but everything is about tourists and business travellers.

Last month she had a small operation on her eyes and the doctor said that she should not wait too long with travelling, because her health is not getting better. My sister-in-law offered to fly with her from Vilnius, so she does not have to travel alone, but we need to know if it is even possible before we buy tickets.

We are not asking for anything special, we just want her to hold her granddaughter once. I have read many news articles but nothing is clear.

Can my mother get a Schengen visa to visit us in the Netherlands, and how long does it take for Belarusians now?

Thank you very much."""

#: Russian, out of scope (asylum): a long story, then a question about asylum for a relative.
RU_ASYLUM = """Добрый вечер.

Мы с мужем живём в Амстердаме с 2020 года, у нас здесь вид на жительство по работе. Мой младший брат Дмитрий остался в Бресте, он студент последнего курса. В прошлом году его несколько раз вызывали в милицию из-за подписок на каналы, которые у нас теперь считаются экстремистскими. Последний раз его продержали там почти целый день, забрали телефон, угрожали, что отчислят из университета и что у родителей будут проблемы на работе. Он говорит, что за домом иногда стоит машина с одними и теми же людьми.

Родители очень переживают и хотят, чтобы он уехал, пока не поздно. Сейчас он в Литве у друзей, но там он может находиться только ограниченное время. Мы бы очень хотели, чтобы он приехал к нам, здесь у него была бы семья и поддержка, и он мог бы доучиться. Но мы совсем не понимаем, какие у него здесь шансы и с чего начинать. Знакомые рассказывают разные истории: кому-то всё одобрили за несколько месяцев, а кто-то ждёт уже больше года в лагере и не может работать.

Я читала на разных сайтах, что нужно сразу при въезде сказать, что просишь защиты, но кто-то пишет, что сначала надо регистрироваться в Тер Апеле и там ждать неделями на улице. Ещё говорят, что если человек уже был в Литве или Польше, то его отправят обратно туда, потому что там первая страна. Дмитрий очень боится, что его вернут в Беларусь, он не спит ночами и почти перестал выходить из квартиры друзей. Мама звонит мне каждый день и плачет, спрашивает, почему я ничего не делаю, а я не знаю, что делать.

Мы готовы помогать ему деньгами и жильём, лишь бы он был в безопасности.

Может ли мой брат получить политическое убежище в Нидерландах, и как долго рассматривают такие заявления?

Заранее спасибо за ответ."""

#: Dutch, no question at all: a long story that only tells.
NL_NO_QUESTION = """Ik wilde even mijn verhaal vertellen, gewoon om het ergens kwijt te kunnen.

Ik ben in 2020 met mijn vrouw uit Minsk vertrokken, een paar weken na de verkiezingen. We hebben alles achtergelaten, ons appartement, onze auto, mijn ouders. In de eerste maanden woonden we bij vrienden in Den Haag op een matras in de woonkamer. Ik heb eerst in een distributiecentrum gewerkt, nu werk ik als elektricien bij een klein bedrijf in Delft. Mijn vrouw doet een opleiding tot tandartsassistente en leert heel snel Nederlands.

Elke zaterdag gaan we naar de bijeenkomsten van de Belarussische gemeenschap, we koken samen, we zingen de oude liedjes en we praten over thuis. Op 9 augustus staan we ieder jaar met de vlaggen voor het Vredespaleis. Er komen steeds minder mensen, sommigen zijn moe, sommigen zijn verhuisd naar Polen of Litouwen, sommigen zijn bang. Ik begrijp dat wel. Ook ik denk soms dat het beter is om gewoon stil te zijn en hier een nieuw leven te bouwen.

Mijn vader belt ons elke zondag. Hij zegt nooit iets over politiek aan de telefoon, hij praat over de tuin, over de appels en over het weer. Maar ik hoor aan zijn stem dat hij ouder wordt en ik weet niet of ik hem nog terug zal zien. Mijn moeder is vorig jaar geopereerd en ik kon er niet bij zijn. Dat is het moeilijkste van alles.

Onze buren hier zijn lieve mensen. De buurvrouw brengt soms soep als mijn vrouw ziek is, en haar man heeft me geholpen met de belastingaangifte, want dat begreep ik helemaal niet. Zij weten weinig van Belarus, ze dachten eerst dat het een deel van Rusland was.

Ik ben dankbaar voor Nederland, de mensen zijn vriendelijk en we voelen ons hier veilig. Maar een deel van mij is nog steeds daar, in onze straat in Minsk, bij de bakker op de hoek, in het park waar we vroeger wandelden."""
