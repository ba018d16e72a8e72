"""Common given names and surnames of the communities the project serves, in Latin and native scripts.

A word on these lists is treated as a name wherever it appears, unless it is also an ordinary word
(AMBIGUOUS): those are names only where the context says so ("my daughter Grace", "Mrs May").
Kept as Python so the lists install with the package. Add names freely; add a word to AMBIGUOUS when
it is also a common word in any of the project's languages.
"""
from __future__ import annotations

ENGLISH = """
Mary Patricia Linda Barbara Elizabeth Liz Lizzie Beth Jennifer Jenny Maria Susan Susie Margaret Maggie Dorothy Lisa
Nancy Karen Betty Helen Sandra Donna Sharon Michelle Laura Sarah Sara Kimberly Deborah Debbie Jessica Jess Shirley
Angela Melissa Brenda Amy Anna Rebecca Becky Kathleen Pamela Pam Martha Amanda Mandy Stephanie Christine Marie
Janet Catherine Kate Katie Cathy Frances Ann Anne Annie Joyce Diane Alice Julie Teresa Theresa Doris Gloria Evelyn
Jean Cheryl Katherine Kathryn Joan Ashley Judith Judy Janice Kelly Nicole Nikki Christina Tina Beverley Beverly
Denise Irene Jane Rachel Marilyn Andrea Louise Jacqueline Jackie Bonnie Julia Lois Phyllis Norma Paula Diana
Lillian Emily Peggy Gladys Rita Connie Tracy Tracey Edna Tiffany Carmen Wendy Victoria Vicky Edith Sylvia
Josephine Thelma Shannon Sheila Ethel Ellen Elaine Marjorie Carrie Charlotte Monica Esther Pauline Emma Anita
Rhonda Eva Leslie Lesley Clara Lucille Eleanor Valerie Danielle Megan Alicia Suzanne Gail Bertha Veronica Jill
Erin Geraldine Lauren Joanne Jo Lorraine Lynn Lynne Sally Erica Beatrice Bernice Audrey Yvonne Annette Samantha
Sam Marion Stacy Stacey Renee Vivian Roberta Brittany Melanie Loretta Yolanda Jeanette Katrina Kristen Vanessa
Elsie Jeanne Carla Tara Rosemary Eileen Gertrude Lucy Ella Gina Natalie Natasha Agnes Vera Charlene Melinda
Arlene Maureen Colleen Allison Alison Tamara Claudia Marcia Tanya Lydia Stella Caroline Dora Maxine Mabel
Gwendolyn Gwen Nora Nina Cassandra Leah Priscilla Naomi Carole Olga Dianne Jenna Sonia Miriam Kristina Toni
Mae Shelly Shelley Ramona Erika Claire Clare Olivia Amelia Isla Ava Mia Isabella Isabel Sophia Sophie Freya Evie
Millie Chloe Scarlett Phoebe Matilda Layla Harper Rosie Imogen Abigail Abbie Zara Hannah Bethany Gemma Kirsty
Kayleigh Jodie Leanne Beverley Gillian Ruth Hayley Hollie Alisha Keeley Kerry-Ann Lindsey Lindsay Shauna Siobhan
Aoife Niamh Sinead Bridget Maeve Fiona Morag Eilidh Rhiannon Cerys Bethan Seren Megan Ffion Nia Carys Sian Sioned
James Jim Jimmy John Johnny Jon Robert Robbie Michael Mike Mikey William Billy Willie David Dave Davey Richard
Ricky Joseph Joe Joey Thomas Tom Tommy Charles Charlie Christopher Chris Daniel Danny Dan Matthew Matty Anthony
Tony Donald Paul Steven Stephen Steve Andrew Andy Kenneth Kenny Joshua Josh George Kevin Kev Brian Bryan Edward
Eddie Ronald Ronnie Timothy Tim Jason Jeffrey Jeff Ryan Jacob Gary Nicholas Eric Jonathan Larry Justin Scott
Brandon Benjamin Ben Gregory Greg Samuel Raymond Patrick Paddy Alexander Alex Dennis Jerry Tyler Aaron Jose
Henry Harry Adam Douglas Doug Nathan Peter Pete Zachary Zach Kyle Walter Harold Jeremy Ethan Carl Keith Roger
Gerald Gerry Sean Shaun Arthur Noah Lawrence Laurence Jesse Albert Dylan Bruce Gabriel Alan Allan Allen Juan
Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Phillip Phil Bobby Bradley Stuart Stewart Ian
Colin Graham Neil Craig Darren Lee Barry Trevor Derek Clive Nigel Malcolm Gordon Ross Liam Connor Callum Kieran
Jake Luke Oliver Ollie Oscar Leo Archie Alfie Freddie Freddy Theo Arlo Finley Reggie Teddy Jamie Toby Mason
Lewis Louie Reece Rhys Aidan Aiden Ted Fred Alf Alfred Stan Stanley Sid Sidney Reg Reginald Len Leonard Ron
Vic Victor Les Bert Ernie Ernest Wilf Norman Cyril Geoffrey Howard Maurice Terence Terry Wesley Nathaniel Isaac
Elijah Jayden Riley Harvey Kai Zac Owen Evan Gareth Dafydd Ewan Fraser Hamish Declan Ciaran Conor Niall Aled
Gethin Iwan Huw Emyr Rhodri Dewi Tyrone Jermaine Marcus Leon Darnell Delroy Winston Desmond Clifton Errol Lloyd
Kwame Kofi Chidi Emeka Tunde Segun Femi Ade Ayo Kemi Funmi Chioma Ngozi Adaeze Abena Akua Ama Yaa Precious
"""

SOUTH_ASIAN = """
Mohammed Muhammad Mohammad Mohamed Mohamad Muhammed Mohd Ahmed Ahmad Ali Hassan Hasan Hussain Hussein Husain
Hamza Hamzah Bilal Imran Irfan Kamran Faisal Faysal Tariq Tarik Zubair Usman Uthman Umar Omar Osman Yusuf Yousuf
Yousaf Ibrahim Ismail Idris Ayaan Zayn Zain Rayyan Arham Haris Harris Asif Aamir Amir Shahid Zahid Sajid Majid
Khalid Rashid Javed Javaid Naveed Waqar Adeel Adil Nadeem Saleem Salim Naeem Rizwan Arshad Akhtar Iqbal Pervez
Parvez Shakeel Shakil Aslam Anwar Rafiq Shafiq Zafar Azhar Mushtaq Ishaq Ashraf Abdul Abdullah Abdulla Rehan
Sohail Suhail Junaid Saqib Raheel Fahad Fahd Owais Wasim Waseem Yasir Yaseen Yasin Mustafa Mahmood Mehmood
Masood Shoaib Haider Abbas Jamal Kamal Iftikhar Tanveer Tanvir Nasir Nasser Khurram Shahzad Sarfraz Mansoor
Zeeshan Faraz Farhan Aqib Atif Babar Danyal Daniyal Ehsan Fawad Ghulam Hafiz Hammad Haroon Hashim Ijaz Ilyas
Jahangir Kashif Luqman Mubashir Nabeel Qasim Rauf Sabir Sadiq Safdar Shahbaz Talha Taimur Umair Waqas Zaheer
Fatima Fatimah Fatma Aisha Ayesha Aysha Amina Aminah Ameena Maryam Mariam Zainab Zaynab Khadija Khadijah Hafsa
Hira Saima Sadia Shazia Nadia Rabia Rubina Nazia Samina Shabana Farzana Yasmin Yasmeen Yasmine Jasmin Parveen
Perveen Nasreen Nasrin Tahira Shamim Rukhsana Rukhsar Bushra Uzma Asma Amna Iqra Aliya Aaliyah Alia Aleena
Alina Eman Inaya Anaya Hania Mehreen Mahnoor Laiba Areeba Sabira Shahnaz Razia Begum Bibi Nusrat Farhana
Shirin Shireen Nabila Nighat Robina Sobia Sumaira Tabassum Tasleem Ambreen Anum Arooj Fozia Fouzia Humaira
Kausar Kulsoom Lubna Maheen Misbah Nafisa Nargis Rehana Rizwana Saba Sabiha Safia Sakina Sameera Samira
Shagufta Shaista Shehnaz Sidra Sumbul Tahmina Zahida Zakia Zubaida Zulekha Zulaikha
Patel Shah Mistry Parmar Solanki Chauhan Desai Mehta Joshi Modi Pandya Trivedi Bhatt Vyas Thakkar Rana Lad
Ramesh Suresh Mahesh Dinesh Rajesh Mukesh Naresh Paresh Hitesh Jignesh Bhavesh Nilesh Kamlesh Pravin Praveen
Praful Ashok Anil Sunil Sanjay Ajay Manoj Nitin Jayesh Ketan Kirit Chetan Arvind Dilip Jitendra Mahendra
Narendra Pankaj Rakesh Sandeep Sachin Tushar Vipul Yogesh Krishna Jayshree Hansa Meena Geeta Gita Sita Rekha
Nisha Priya Pooja Neha Sneha Kavita Sunita Anita Savita Hema Bhavna Bhavana Daksha Smita Heena Hina Nita Nila
Minaxi Manisha Kajal Shilpa Dipti Falguni Hetal Jagruti Kinjal Mital Payal Rupal Trupti Ila Lata Mansi Riya
Diya Krupa Nayna Naina Rajni Sangeeta Sarla Shanti Sushila Urmila Vimla Kusum Kokila Induben Manjula Hasmukh
Singh Kaur Gill Sandhu Sidhu Dhillon Grewal Bains Sahota Johal Atwal Basra Bhogal Chahal Dhaliwal Gurpreet
Harpreet Manpreet Jaspreet Amanpreet Navpreet Simran Harjit Harjeet Manjit Manjeet Jaswinder Kulwinder
Balwinder Sukhwinder Paramjit Rajinder Surinder Jasbir Sukhbir Harbans Gurdev Kuldip Kuldeep Amarjit Avtar
Baljit Charanjit Daljit Gurinder Gurmeet Hardeep Harjinder Inderjit Jagjit Jasvir Lakhvir Manjinder Navdeep
Parminder Pritam Rajvinder Ranjit Satnam Sukhdev Tarsem Tejinder Amrit Arjun Jaskaran Gurjot Harleen Jasleen
Navneet Rupinder Sukhjit Kiranjit Mandeep Rajveer Harvinder Jagdish Baldev Mohinder Gurbachan Jaswant Kirpal
Rahim Karim Abdur Rahman Rehman Miah Mia Uddin Khatun Akter Akhter Hossain Chowdhury Choudhury Choudhry
Sultana Nasima Rahima Salma Shahana Jahanara Rokeya Ruksana Shamima Rasheda Hasina Taslima Fahmida Nazma
Monowara Rumana Sumaiya Tasnim Farida Momtaz Mumtaz Shahidul Mizanur Habibur Mahbub Anisur Saiful Rafiqul
Aminul Nurul Shafiqul Moinul Alamgir Abul Shahjahan Mostafa Mamun Sohel Rubel Shuhel Arif Rakib Sabbir
Sajjad Sumon Sujon Mithu Apu Dipu Tania Munni Runa Rina Khan Qureshi Malik Butt Mirza Sheikh Syed Bukhari
Hashmi Rizvi Naqvi Jafri Raja Bhatti Awan Chaudhry Chaudhary Sharif Iqbal Farooq Farooqi Anjum Bashir Nazir
"""

POLISH = """
Anna Maria Katarzyna Kasia Małgorzata Malgorzata Gosia Agnieszka Krystyna Barbara Ewa Elżbieta Elzbieta Zofia
Zosia Janina Teresa Joanna Asia Magdalena Magda Monika Jadwiga Danuta Irena Halina Helena Beata Aleksandra
Marta Dorota Marianna Grażyna Grazyna Jolanta Stanisława Iwona Karolina Bożena Bozena Urszula Justyna Renata
Alicja Paulina Sylwia Natalia Wanda Agata Aneta Izabela Ewelina Marzena Wiesława Genowefa Patrycja Kamila
Weronika Wiktoria Zuzanna Oliwia Hanna Basia Kinga Edyta Emilia Gabriela Ilona Klaudia Marlena Milena
Piotr Krzysztof Andrzej Tomasz Tomek Paweł Pawel Michał Michal Marcin Stanisław Stanislaw Grzegorz Józef Jozef
Marek Łukasz Lukasz Zbigniew Jerzy Tadeusz Mateusz Dariusz Mariusz Wojciech Wojtek Ryszard Jakub Kuba Henryk
Kazimierz Jacek Maciej Kamil Janusz Mirosław Miroslaw Jarosław Jaroslaw Sławomir Slawomir Dawid Wiesław
Wieslaw Rafał Rafal Przemysław Przemek Artur Szymon Bartosz Bartek Kacper Filip Igor Antoni Franciszek
Wiktor Zdzisław Bogdan Leszek Krzysiek Damian Sebastian Konrad Hubert Patryk Radosław Radek Waldemar
Kowalski Kowalska Nowak Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska Lewandowski Lewandowska
Zieliński Zielińska Szymański Szymańska Woźniak Dąbrowski Dąbrowska Kozłowski Kozłowska Jankowski Jankowska
Mazur Wojciechowski Kwiatkowski Kwiatkowska Krawczyk Kaczmarek Piotrowski Piotrowska Grabowski Grabowska
Pawłowski Michalski Nowicki Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski
"""

ROMANIAN = """
Elena Ioana Andreea Mihaela Cristina Gabriela Alexandra Daniela Georgiana Florentina Nicoleta Adriana Ionela
Simona Mariana Roxana Raluca Diana Larisa Bianca Denisa Irina Camelia Loredana Lavinia Oana Corina Florica
Viorica Aurelia Rodica Luminița Luminita Sorina Anca Cătălina Catalina Claudia Ramona Iuliana Valentina
Ion Ioan Gheorghe Vasile Constantin Nicolae Mihai Andrei Alexandru Florin Marius Adrian Cristian Ionuț Ionut
Bogdan Gabriel Ştefan Ștefan Stefan Dumitru Petru Costel Cosmin Răzvan Razvan Sorin Ovidiu Liviu Cătălin
Catalin Claudiu Dragoș Dragos Emil Radu Lucian Valentin Viorel Vlad Mircea Aurel Silviu Tudor Horia Iulian
Popescu Ionescu Dumitrescu Stoica Gheorghiu Matei Constantinescu Dinu Munteanu Marin Lungu Moldovan Rusu
Barbu Florea Nistor Tănase Ene Cojocaru Dobre Preda Moraru Ciobanu Neagu Pătraşcu Mocanu
"""

ARABIC_AND_SOMALI = """
Mahmoud Mahmud Khaled Youssef Yousef Abdulrahman Abdelrahman Samir Sami Nabil Walid Fadi Rami Ziad Majed Anas
Saif Faris Adnan Bashar Hisham Osama Usama Tamer Wael Yasser Ayman Hani Mazen Marwan Samer Basel Mohannad Layla
Laila Leila Huda Hoda Rania Dina Lina Reem Rana Salma Hana Hanan Mona Rasha Dalia Ghada Manal Maha Nawal Rima
Ruba Sahar Suha Widad Zeinab Asmaa Heba Israa Jana Malak Rahaf Tasneem Doaa Abeer Aya Alaa Bayan Diana Ghazal
Maxamed Axmed Abdi Cabdi Abdullahi Cabdullahi Cali Xasan Xuseen Cumar Cismaan Yuusuf Ibraahim Abdirahman
Cabdiraxmaan Abdikadir Cabdiqaadir Mahad Mukhtar Farah Warsame Hirsi Aadan Dahir Daahir Guled Hamse Abdirizak
Faysal Jibril Fadumo Faadumo Aamina Halima Halimo Xaliimo Xaawo Caasha Khadra Hodan Sahra Sagal Hibo Nimco
Ifrah Ayan Deeqa Filsan Fartun Hamdi Ilhan Kaltun Maryan Muna Nasra Najma Ruqiya Safiya Sucaad Suad Zamzam Idil
Ladan Samatar Egal Abdillahi Mohamud Maxamuud Jama
"""

PORTUGUESE = """
Francisca Antónia Antonia Juliana Márcia Fernanda Patrícia Aline Camila Bruna Jéssica Letícia Leticia Júlia
Luciana Mariana Beatriz Inês Ines Carla Sofia Joana Catarina Cláudia Sónia Susana Fátima Lúcia Manuela
Raquel Tatiana Vitória Larissa Débora Rafaela Priscila Thais Thaís Andreia
João Joao José Jose António Antonio Antônio Francisco Carlos Paulo Pedro Lucas Luiz Luís Luis Marcos Rafael
Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Manuel Nuno Rui Tiago Thiago Diogo Miguel Ricardo Jorge Fernando
Sérgio Sergio Hugo Vítor Vitor Joaquim Gonçalo Duarte Leandro Fábio Fabio André Andre Gustavo Renato Henrique
Silva Santos Ferreira Pereira Oliveira Rodrigues Martins Sousa Souza Fernandes Gonçalves Gomes Lopes Marques
Alves Almeida Ribeiro Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha
"""

UK_SURNAMES = """
Smith Jones Williams Taylor Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker Edwards
Hughes Lewis Harris Clarke Jackson Martin Morris Clark Harrison Morgan Allen Phillips Watson Davis Parker
Bennett Griffiths Mitchell Carter Richardson Collins Shaw Murphy Miller Richards Marshall Anderson Simpson
Ellis Adams Wilkinson Foster Chapman Powell Webb Rogers Gray Grey Campbell Matthews Holmes Barnes Lloyd Russell
Barker Stevens Jenkins Murray Dixon Pearson Fletcher Walsh Gibson Andrews Elliott Reynolds Saunders Payne
Pearce Brooks Lawrence Atkinson Spencer Dawson Burton O'Brien Watts Perry Francis Rees Hayes Hudson Newman
Barrett Webster Gregory Carr Lowe Riley Dunn Parsons Reid Holland Hawkins Harding Robertson Newton Kennedy
Williamson Gardner Cooke Bates Henderson Parry Burgess Walton Burns Nicholson Freeman Warren Nicholls Hamilton
Byrne Sutton McDonald Macdonald Yates Hodgson Robson Curtis Hopkins O'Connor Coleman Watkins McCarthy O'Neill
Griffin Wheeler Osborne Johnston Doyle Wallace Hutchinson Reeves Nash Cunningham Fitzgerald McKenzie Mackenzie
Thornton Whitehead Jennings Brennan Sullivan O'Sullivan McLaughlin Ferguson Fraser Duncan Kaye Begum Ahmed
"""

ARABIC_SCRIPT = """
محمد أحمد احمد محمود مصطفى مصطفیٰ مصطفی خالد يوسف یوسف إبراهيم ابراهيم ابراہیم حسين حسین عبدالله عبداللہ
عبدالرحمن عبدالرحمٰن طارق سمير سامي وليد فادي رامي زياد ماجد حمزة حمزہ بلال أنس عدنان بشار هشام ناصر أسامة
تامر وائل ياسر یاسر أيمن هاني مازن مروان سامر باسل مهند عمران عرفان کامران آصف عامر نوید جاوید ندیم سلیم نعیم
رضوان ارشد اقبال پرویز اسلم انور رفیق ظفر اظہر مشتاق اشرف سہیل جنید ثاقب فہد وسیم محمود مسعود شعیب حیدر
عباس عثمان فیصل اسماعیل إسماعيل فاطمة فاطمہ عائشة عائشہ آمنہ مريم مریم زينب زینب خديجة خدیجہ حفصہ حرا صائمہ
سعدیہ شازیہ نادیہ نادية رابعہ روبینہ نازیہ ثمینہ شبانہ فرزانہ ياسمين یاسمین پروین نسرین طاہرہ شمیم رخسانہ
بشریٰ عظمیٰ اسما عاصمہ اقرا علیزہ زارا مہرین لائبہ بیگم رانيا دينا لينا ريم رنا سارة سارہ سلمى هناء سميرة
رشا داليا غادة لبنى منال مها نوال ريما سهى إسراء جنى رهف تسنيم عبير ليلى لیلیٰ
"""

INDIC_SCRIPTS = """
રમેશ સુરેશ મહેશ દિનેશ રાજેશ મુકેશ નરેશ પરેશ હિતેશ જીગ્નેશ ભાવેશ નિલેશ કમલેશ પ્રવીણ અશોક અનિલ સુનિલ સંજય અજય
મનોજ નીતિન જયેશ કેતન અરવિંદ દિલીપ જીતેન્દ્ર મહેન્દ્ર નરેન્દ્ર પંકજ રાકેશ સંદીપ સચિન યોગેશ જયશ્રી હંસા મીના
સીતા નેહા સ્નેહા સુનીતા અનિતા સવિતા હેમા દક્ષા સ્મિતા હીના નીતા મનીષા શિલ્પા દીપ્તિ ફાલ્ગુની હેતલ કિંજલ
રૂપલ પટેલ શાહ પરમાર સોલંકી ચૌહાણ દેસાઈ મહેતા જોશી મિસ્ત્રી
ਗੁਰਪ੍ਰੀਤ ਹਰਪ੍ਰੀਤ ਮਨਪ੍ਰੀਤ ਜਸਪ੍ਰੀਤ ਅਮਨਪ੍ਰੀਤ ਹਰਜੀਤ ਮਨਜੀਤ ਜਸਵਿੰਦਰ ਕੁਲਵਿੰਦਰ ਬਲਵਿੰਦਰ ਸੁਖਵਿੰਦਰ ਪਰਮਜੀਤ ਰਾਜਿੰਦਰ
ਸੁਰਿੰਦਰ ਜਸਬੀਰ ਸੁਖਬੀਰ ਗੁਰਦੇਵ ਕੁਲਦੀਪ ਅਮਰਜੀਤ ਬਲਜੀਤ ਚਰਨਜੀਤ ਦਲਜੀਤ ਗੁਰਿੰਦਰ ਗੁਰਮੀਤ ਹਰਦੀਪ ਹਰਜਿੰਦਰ ਇੰਦਰਜੀਤ
ਜਗਜੀਤ ਮਨਜਿੰਦਰ ਨਵਦੀਪ ਪਰਮਿੰਦਰ ਰਣਜੀਤ ਸੁਖਦੇਵ ਤਰਸੇਮ ਤਜਿੰਦਰ ਅਰਜੁਨ ਹਰਲੀਨ ਜਸਲੀਨ ਨਵਨੀਤ ਰੁਪਿੰਦਰ ਸੰਦੀਪ ਮਨਦੀਪ
ਹਰਵਿੰਦਰ ਬਲਦੇਵ ਮਹਿੰਦਰ ਸਿੰਘ ਕੌਰ
রহিম আব্দুল রহমান মিয়া উদ্দিন বেগম খাতুন আক্তার হোসেন হোসাইন আহমেদ চৌধুরী সুলতানা নাসিমা রহিমা সালমা
শাহানা শিরিন জাহানারা রোকেয়া রুকসানা শামীমা রাশেদা হাসিনা তাসলিমা ফাহমিদা নাজমা তাহমিনা সুমাইয়া তাসনিম
নুসরাত ফরিদা মমতাজ শহিদুল মিজানুর হাবিবুর মাহবুব আনিসুর সাইফুল রফিকুল আমিনুল নুরুল শফিকুল জাহাঙ্গীর
আলমগীর আবুল মামুন সোহেল রুবেল তানভীর আরিফ রাকিব সাব্বির শাকিল সুমন ফাতেমা ফাতিমা আয়েশা আমিনা মরিয়ম
জয়নব খাদিজা মোহাম্মদ মুহাম্মদ মোহাম্মাদ আলী হাসান ইব্রাহিম ইউসুফ
"""

# Names that are also ordinary words somewhere in the project's languages: a name only in context.
AMBIGUOUS = """
will may hope rose grace faith joy mark bill bob rob nick ray don guy art pat sue jack frank dawn june april
holly ivy lily daisy ruby pearl crystal jade amber heather violet hazel summer autumn sky angel precious sandy
penny kitty polly dolly poppy willow iris olive chase hunter miles drew dean earl duke prince king major rich
sunny misty ginger candy brandy sherry jordan chelsea kerry georgia florence paris india asia sydney austin
christian islam jesus norman baker cook hall wood green white brown young long hill ward moore price bell
mason hunt knight butler fisher fox ford day west cole gill ball booth grant wells hart page marsh woods berry
stone bird lane bishop shepherd cross sharp hardy potter moss lamb chambers little mills turner cooper max robin
carol patience mercy charity victoria lad sam stan foster walker burns bobby grey sami
jan roman maja ola ela dana ida kuba król zając wieczorek dobre
rosa clara dolores graça graca nada santos costa pinto lata ama
ana ion pop popa mina nora marina
said aden liban bile shire hawa jama ubah ayaan ayan bayan ghazal
noor nur sana kiran asha puja jyoti komal payal varsha bharat amin rana malik raja diya shanti sharif butt ehsan
"""

# Names that are ordinary words when written in lower case ("ali" is Portuguese for "there", "sami" Polish for
# "themselves", "linda" Portuguese for "beautiful"): a name when capitalised or in context.
_LOWER_CASE = """
ali norma lina linda tom rima sara tina mona asma talha sidra sadia matei pete marin colin paul jean nina
marta rocha silva gary lisa dalia krupa omar len les dan ian josh john harry billy mike peter jimmy victor martin
miller smith bates brooks parry warren watts terry randy paddy sally rosemary sultana tamer wright griffin freeman
barker lee shah sheikh khan amir mia ade correia ribeiro preda
"""

# Native-script names that are also common words (عمر "age", نور "light", ਕਰਨ "to do", ...).
AMBIGUOUS_NATIVE = """
عمر حسن علي على علی نور جمال کمال كمال كريم نبيل سيف فارس أمل امل هدى حنان منى ندى وفاء إيمان ايمان آية هبة ملك
شهد دعاء ثنا شاہد اسد رضا کرن صفاء شاہین
વિજય કિશોર હસમુખ ચેતન વિનોદ પ્રકાશ ગીતા રેખા ઉષા આશા નિશા પ્રિયા પૂજા કવિતા જ્યોતિ ભાવના કાજલ કોમલ
પાયલ તૃપ્તિ વર્ષા
ਸਿਮਰਨ ਅਵਤਾਰ ਸਤਨਾਮ ਅੰਮ੍ਰਿਤ ਕਰਨ
করিম কামাল জামাল শাপলা রুপা মাসুম ওমর
"""


def _words(*blocks: str) -> frozenset[str]:
    return frozenset(word.casefold() for block in blocks for word in block.split())


AMBIGUOUS_WORDS = _words(AMBIGUOUS, AMBIGUOUS_NATIVE)
LOWER_CASE_WORDS = _words(_LOWER_CASE)
# Redacted wherever they appear; the ambiguous ones only after a title or a word such as "my son".
NAMES = _words(ENGLISH, SOUTH_ASIAN, POLISH, ROMANIAN, ARABIC_AND_SOMALI, PORTUGUESE, UK_SURNAMES,
               ARABIC_SCRIPT, INDIC_SCRIPTS) - AMBIGUOUS_WORDS
