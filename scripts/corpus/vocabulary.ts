/**
 * Vocabulary for the synthetic corpus: Vietnamese words, phrases and sentence
 * templates used by `generate-corpus.ts` to compose plausible provincial news.
 *
 * Templates contain `{slot}` placeholders. A slot is either dynamic (listed in
 * {@link DYNAMIC_SLOTS}, filled from the article's locality, date or a random
 * number/name) or the name of a list in {@link SHARED_LEXICON} or the article
 * category's entry in {@link CATEGORY_LEXICON}; picked phrases may contain
 * slots themselves. All text is NFC.
 */

/** Category ids, in the order the generator draws them. */
export const CATEGORY_IDS = [
  'thoi-su',
  'kinh-te',
  'van-hoa',
  'xa-hoi',
  'an-ninh-trat-tu',
  'du-lich',
] as const;

/** One of the six section ids an article may belong to. */
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Named lists of phrases; a slot `{key}` is filled with one item of `key`. */
export type Lexicon = Readonly<Record<string, readonly string[]>>;

/** Slots filled by the generator itself rather than from a lexicon. */
export const DYNAMIC_SLOTS: ReadonlySet<string> = new Set([
  'loc', // the article's locality, with its kind: "huyện Nga Sơn"
  'locName', // the article's locality short name: "Nga Sơn", "TP. Sầm Sơn"
  'province', // the root locality, with kind: "tỉnh Thanh Hóa"
  'provinceName', // the root locality name: "Thanh Hóa"
  'year', // the article's year
  'prevYear',
  'nextYear',
  'month', // the article's month, 1–12
  'day', // a day of month, 1–28
  'n', // a small count, 2–12
  'num', // a count, 3–480
  'big', // a large count with thousands separator, "12.400"
  'pct', // a percentage, "87" or "12,5"
  'fullName', // a generated Vietnamese full name
  'maleName',
  'femaleName',
]);

/** Family names (họ), most common first. */
export const FAMILY_NAMES: readonly string[] = [
  'Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô',
  'Dương', 'Lý', 'Trịnh', 'Mai', 'Hà', 'Lương', 'Đinh', 'Cao', 'Lò', 'Hồ',
  'Phan', 'Võ', 'Tống', 'Lại', 'Quách', 'Thiều', 'Lưu', 'Khương', 'Nghiêm', 'Phùng',
];

/** Middle names (tên đệm) usual for men. */
export const MALE_MIDDLE_NAMES: readonly string[] = [
  'Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Xuân', 'Thanh', 'Bá', 'Đình', 'Công',
  'Ngọc', 'Trọng', 'Mạnh', 'Tiến', 'Duy', 'Viết',
];

/** Middle names (tên đệm) usual for women. */
export const FEMALE_MIDDLE_NAMES: readonly string[] = [
  'Thị', 'Thu', 'Ngọc', 'Hồng', 'Thùy', 'Kim', 'Phương', 'Thanh', 'Minh', 'Bích',
  'Diệu', 'Hải', 'Lan', 'Mai',
];

/** Given names (tên) usual for men. */
export const MALE_GIVEN_NAMES: readonly string[] = [
  'Hùng', 'Dũng', 'Tuấn', 'Sơn', 'Long', 'Hải', 'Khánh', 'Quân', 'Bình', 'Cường',
  'Đạt', 'Phúc', 'Quyết', 'Thắng', 'Toàn', 'Vinh', 'Hiếu', 'Nam', 'Trung', 'Kiên',
  'Lâm', 'Thành', 'Tùng', 'Hưng', 'Đông', 'Chiến', 'Lực', 'Tú', 'Anh', 'Huy',
];

/** Given names (tên) usual for women. */
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Hà', 'Lan', 'Hương', 'Trang', 'Phương', 'Thảo', 'Nga', 'Hoa', 'Linh', 'Tâm',
  'Thủy', 'Giang', 'Huyền', 'Ngân', 'Nhung', 'Oanh', 'Yến', 'Hạnh', 'Mai', 'Hằng',
  'Vân', 'Loan', 'Dung', 'Quỳnh', 'Nhàn', 'Thúy', 'Hiền', 'Ly',
];

/** Tags, roughly from most to least frequent (the generator weights by rank). */
export const TAGS: readonly string[] = [
  'nông thôn mới', 'giao thông', 'cải cách hành chính', 'chuyển đổi số', 'an sinh xã hội',
  'du lịch biển', 'nông nghiệp', 'an toàn giao thông', 'lễ hội', 'giáo dục',
  'y tế', 'đầu tư công', 'phòng chống thiên tai', 'doanh nghiệp', 'Sầm Sơn',
  'khu kinh tế Nghi Sơn', 'OCOP', 'di tích', 'ma túy', 'bảo hiểm y tế',
  'thủy sản', 'lúa gạo', 'môi trường', 'xóa đói giảm nghèo', 'việc làm',
  'phòng cháy chữa cháy', 'bão lũ', 'thanh niên', 'phụ nữ', 'đồng bào dân tộc',
  'giải phóng mặt bằng', 'ngân sách', 'thuế', 'đất đai', 'xây dựng',
  'nước sạch', 'nhà ở', 'làng nghề', 'ẩm thực', 'dân ca',
  'thể thao', 'bóng đá', 'người cao tuổi', 'trẻ em', 'xuất khẩu lao động',
  'mía đường', 'lâm nghiệp', 'rác thải', 'điện lực', 'khí tượng',
  'tai nạn giao thông', 'lừa đảo qua mạng', 'biên giới', 'quốc phòng', 'bầu cử',
  'tiếp xúc cử tri', 'Đại hội Đảng', 'khởi nghiệp', 'thương mại điện tử', 'Pù Luông',
  'Thành nhà Hồ', 'Lam Kinh', 'Tết Nguyên đán', 'khoa học công nghệ',
];

/** Image descriptions reused when a category has none that fit. */
export const SHARED_ALT_TEXTS: readonly string[] = [
  'Toàn cảnh buổi làm việc',
  'Các đại biểu tham quan mô hình',
  'Một góc {loc} nhìn từ trên cao',
  'Lãnh đạo {loc} trao đổi với người dân',
];

/** Credits used for images that are not the author's own. */
export const PHOTO_CREDITS: readonly string[] = ['Ảnh: Tư liệu', 'Ảnh: CTV', 'Ảnh: Cơ sở cung cấp', 'Ảnh: Tin Xứ Thanh'];

/** Lists shared by all categories. */
export const SHARED_LEXICON: Lexicon = {
  time: [
    'sáng ngày {day}/{month}', 'chiều ngày {day}/{month}', 'tối ngày {day}/{month}', 'ngày {day}/{month}',
    'sáng nay', 'chiều qua', 'trong tuần qua', 'từ đầu năm đến nay', 'thời gian qua',
    'những năm gần đây', 'trong {months} tháng đầu năm {year}', 'sau hơn {n} tháng triển khai',
    'trong dịp Tết Nguyên đán vừa qua', 'ngay từ những ngày đầu năm {year}', 'cuối tháng {month}',
  ],
  aspect: ['đã', 'vừa', 'đã phối hợp', 'chính thức', 'đã chủ trì', 'tiếp tục'],
  connector: [
    'Theo đó,', 'Bên cạnh đó,', 'Đáng chú ý,', 'Ngoài ra,', 'Trước đó,', 'Hiện nay,',
    'Thời gian tới,', 'Cùng với đó,', 'Song song với đó,', 'Được biết,', 'Tuy nhiên,',
    'Trên cơ sở đó,', 'Nhìn chung,', 'Cũng trong dịp này,',
  ],
  willVerb: [
    'sẽ tiếp tục', 'sẽ tập trung', 'yêu cầu các đơn vị', 'đề nghị các địa phương',
    'chỉ đạo các phòng, ban chuyên môn', 'cam kết', 'xác định cần',
  ],
  place: [
    'trên địa bàn {loc}', 'tại hội trường UBND {loc}', 'tại nhà văn hóa {village}', 'dọc {road}',
    'tại trung tâm {loc}', 'ở các xã vùng biển', 'ở các xã miền núi', 'tại {village}, {loc}',
    'trên tuyến {road}', 'tại {province}', 'ở {loc}',
  ],
  road: [
    'Quốc lộ 1A', 'Quốc lộ 45', 'Quốc lộ 47', 'Quốc lộ 217', 'Quốc lộ 10', 'đường Hồ Chí Minh',
    'đại lộ Lê Lợi', 'đường Trần Phú', 'đường Bà Triệu', 'đường ven biển', 'tỉnh lộ 506',
    'cao tốc Bắc - Nam', 'đường Nguyễn Trãi', 'đường Lê Hoàn',
  ],
  village: [
    'thôn {n}', 'khu phố {n}', 'thôn Đông Hải', 'thôn Trung Sơn', 'làng Đông Sơn', 'bản Hiêu',
    'bản Kho Mường', 'xóm Bãi', 'thôn Yên Lộc', 'thôn Bắc Sơn', 'làng Hới', 'thôn Phú Lai',
    'bản Đôn', 'thôn Tiến Thành', 'làng Bồng Trung',
  ],
  market: ['Vườn Hoa', 'Tây Thành', 'Bút Sơn', 'Điền Lư', 'Cầu Quan', 'Rừng Thông', 'Môi', 'Vạn Thiện'],
  people: [
    'người dân', 'bà con nông dân', 'các hộ kinh doanh', 'ngư dân', 'học sinh', 'du khách',
    'cán bộ, đảng viên', 'đoàn viên thanh niên', 'các doanh nghiệp', 'công nhân lao động',
    'hội viên phụ nữ', 'cựu chiến binh', 'bà con dân tộc Mường', 'bà con dân tộc Thái',
    'tiểu thương', 'các hộ nghèo', 'người cao tuổi', 'giáo viên', 'y, bác sĩ',
    'lực lượng dân quân tự vệ',
  ],
  peopleAction: [
    'tích cực hưởng ứng phong trào', 'đã chủ động chằng chống nhà cửa',
    'đã hiến hàng nghìn mét vuông đất để mở rộng đường', 'đồng loạt ra quân dọn vệ sinh môi trường',
    'chuyển đổi sang trồng các loại cây có giá trị kinh tế cao', 'tham gia đóng góp ý kiến vào dự thảo',
    'nô nức tham gia các hoạt động', 'được tập huấn kỹ năng sử dụng dịch vụ công trực tuyến',
    'cùng chung tay giữ gìn cảnh quan', 'đã ký cam kết không vi phạm pháp luật',
  ],
  benefit: [
    'đời sống ngày càng được cải thiện', 'việc đi lại, giao thương thuận lợi hơn',
    'thu nhập tăng lên rõ rệt', 'có thêm việc làm ổn định ngay tại quê nhà',
    'thủ tục hành chính được giải quyết nhanh gọn', 'môi trường sống sạch đẹp hơn trước',
  ],
  reason: [
    'sự vào cuộc đồng bộ của cả hệ thống chính trị', 'cách làm bài bản, sáng tạo',
    'sự đồng thuận của nhân dân', 'sự hỗ trợ kịp thời của tỉnh', 'việc ứng dụng khoa học kỹ thuật vào sản xuất',
    'sự chỉ đạo sát sao của cấp ủy, chính quyền',
  ],
  participation: [
    'đông đảo người dân tham gia', 'sự tham gia của hơn {big} người', 'hơn {num} gian hàng tham gia',
    'hàng nghìn lượt người dân và du khách', 'sự quan tâm của đông đảo cử tri',
  ],
  official: [
    'đồng chí {fullName}, {officialRole}', 'ông {maleName}, {officialRole}', 'bà {femaleName}, {officialRole}',
    '{policeRank} {maleName}, {policeRole}',
  ],
  officialRole: [
    'Chủ tịch UBND {loc}', 'Phó Chủ tịch UBND {loc}', 'Phó Chủ tịch Thường trực UBND {loc}',
    'Chủ tịch HĐND {loc}', 'Giám đốc Sở Nông nghiệp và Phát triển nông thôn',
    'Giám đốc Sở Văn hóa, Thể thao và Du lịch', 'Phó Giám đốc Sở Giao thông vận tải',
    'Trưởng phòng Kinh tế {loc}', 'Trưởng phòng Văn hóa - Thông tin {loc}',
    'Chủ tịch Ủy ban MTTQ Việt Nam {loc}', 'Chủ tịch Hội Nông dân {loc}', 'Giám đốc Trung tâm Y tế {loc}',
    'Hiệu trưởng Trường THPT {locName}', 'Phó Trưởng ban Dân tộc tỉnh', 'Phó Chủ tịch UBND {province}',
  ],
  policeRank: ['Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá'],
  policeRole: [
    'Trưởng Công an {loc}', 'Phó Trưởng Công an {loc}', 'Trưởng phòng Cảnh sát giao thông Công an tỉnh',
    'Đội trưởng Đội Cảnh sát hình sự Công an {loc}', 'Phó Giám đốc Công an tỉnh',
  ],
  villager: [
    'Ông {maleName}, {villagerRole},', 'Bà {femaleName}, {villagerRole},', 'Anh {maleName}, {villagerRole},',
    'Chị {femaleName}, {villagerRole},',
  ],
  villagerRole: [
    'Trưởng {village}', 'người dân {village}', 'chủ một cơ sở sản xuất ở {loc}', 'tiểu thương chợ {market}',
    'một ngư dân ở {village}', 'du khách đến từ Hà Nội', 'chủ homestay ở {village}',
    'giáo viên Trường Tiểu học {locName}', 'hội viên Hội Nông dân {loc}',
  ],
  result: [
    'đã có hơn {num} hộ dân được hưởng lợi', 'tỷ lệ hộ nghèo giảm xuống còn {pct}%',
    'giá trị sản xuất tăng {pct}% so với cùng kỳ', 'tổng thu ngân sách đạt hơn {big} tỷ đồng',
    'đã có {n} xã đạt chuẩn nông thôn mới nâng cao', '{pct}% kế hoạch năm đã được hoàn thành',
    'đã giải quyết việc làm cho hơn {big} lao động', 'đã tiếp nhận và giải quyết {num} hồ sơ đúng hạn',
  ],
  quote: [
    'Chúng tôi xác định đây là nhiệm vụ trọng tâm, phải làm quyết liệt và đồng bộ',
    'Thời gian tới, địa phương sẽ tiếp tục huy động mọi nguồn lực để hoàn thành mục tiêu đề ra',
    'Chúng tôi mong muốn các cấp, các ngành quan tâm hỗ trợ hơn nữa',
    'Khó khăn lớn nhất hiện nay là nguồn vốn và mặt bằng',
    'Người dân là trung tâm, mọi việc làm đều hướng tới lợi ích của người dân',
    'Kết quả này là động lực để chúng tôi tiếp tục cố gắng',
  ],
  opinion: [
    'kết quả trên là nhờ sự vào cuộc quyết liệt của cả hệ thống chính trị',
    'thời gian tới địa phương cần tập trung tháo gỡ khó khăn cho sản xuất',
    'việc này góp phần quan trọng vào thành tích chung của {province}',
    'vẫn còn một số tồn tại cần sớm được khắc phục',
    'cách làm này cần được nhân rộng ra các địa phương khác',
  ],
  problem: [
    'bên cạnh những kết quả đạt được, vẫn còn một số khó khăn, vướng mắc',
    'tiến độ một số công trình còn chậm so với kế hoạch',
    'tình trạng lấn chiếm hành lang an toàn giao thông vẫn còn diễn ra',
    'thời tiết diễn biến phức tạp ảnh hưởng không nhỏ đến sản xuất',
    'nguồn lực đầu tư còn hạn chế', 'ý thức chấp hành pháp luật của một bộ phận người dân chưa cao',
  ],
  goal: [
    'hoàn thành các chỉ tiêu đề ra', 'nâng cao đời sống vật chất, tinh thần cho nhân dân',
    'bảo đảm an ninh trật tự trên địa bàn', 'phát triển kinh tế - xã hội bền vững', 'thu hút thêm nhà đầu tư',
    'giữ gìn và phát huy bản sắc văn hóa dân tộc', 'phòng ngừa, ngăn chặn vi phạm từ sớm, từ xa',
  ],
  task: [
    'rà soát, đánh giá kết quả thực hiện các chỉ tiêu', 'đẩy nhanh tiến độ giải phóng mặt bằng',
    'tăng cường công tác tuyên truyền đến từng thôn, xóm', 'xử lý dứt điểm các tồn tại, hạn chế',
    'nâng cao chất lượng phục vụ người dân và doanh nghiệp', 'huy động nguồn lực xã hội hóa',
    'kiểm tra, giám sát chặt chẽ việc thực hiện', 'tạo điều kiện thuận lợi cho doanh nghiệp',
    'thực hiện nghiêm các quy định của pháp luật', 'phát huy vai trò của người đứng đầu',
    'đẩy mạnh ứng dụng công nghệ thông tin',
  ],
  fundSource: [
    'ngân sách tỉnh hỗ trợ {pct}%, còn lại do ngân sách địa phương và nhân dân đóng góp',
    'nguồn xã hội hóa chiếm phần lớn', 'vốn Trung ương hỗ trợ hơn {num} tỷ đồng',
    'nhân dân tự nguyện đóng góp hơn {num} triệu đồng và nhiều ngày công lao động',
  ],
  quarter: ['quý I', 'quý II', 'quý III', 'quý IV'],
  months: ['3', '6', '9', '10', '11'],
  heading: [
    'Nhiều kết quả tích cực', 'Còn không ít khó khăn', 'Quyết tâm hoàn thành mục tiêu',
    'Chung tay vì cộng đồng', 'Sức bật mới', 'Người dân là trung tâm', 'Những con số biết nói',
    'Tháo gỡ điểm nghẽn', 'Kỳ vọng từ một hướng đi', 'Cần sự vào cuộc đồng bộ',
  ],
  bulletLead: [
    'Một số nhiệm vụ trọng tâm trong thời gian tới:', 'Các giải pháp chính được đề ra gồm:',
    'Theo kế hoạch, các đơn vị cần:', 'Một số kết quả nổi bật:',
  ],
  lead: [
    '{time}, {catOrg} {aspect} {action} {place}.',
    '{time}, tại {loc}, {catOrg} {aspect} {action}.',
    'Với mục tiêu {goal}, {catOrg} {aspect} {action} {place}.',
    '{time}, {catOrg} {aspect} {action}, thu hút {participation}.',
  ],
  sentence: [
    '{time}, {catOrg} {aspect} {action} {place}.',
    '{time}, {catOrg} {aspect} {action}, thu hút {participation}.',
    'Tham dự có {official} cùng đại diện lãnh đạo các sở, ban, ngành liên quan.',
    'Theo báo cáo của {catOrg}, {result}.',
    '{connector} {catOrg} {willVerb} {task}.',
    '“{quote}”, {official} cho biết.',
    '“{quote}”, {official} nhấn mạnh.',
    'Theo {official}, {opinion}.',
    '{connector} {people} {place} {peopleAction}.',
    'Tổng kinh phí thực hiện là hơn {num} tỷ đồng, trong đó {fundSource}.',
    'Đến nay, {result}.',
    '{connector} {problem}.',
    'Để {goal}, {catOrg} {willVerb} {task}.',
    '{villager} chia sẻ: “{quote}”.',
    'Phát biểu tại buổi làm việc, {official} ghi nhận, biểu dương những kết quả mà {loc} đạt được trong thời gian qua.',
    '{connector} {official} đề nghị {catOrg} {task}.',
    'Trong {months} tháng đầu năm {year}, {result}.',
    'Thực tế cho thấy, {opinion}.',
    'Nhờ {reason}, {result}.',
    '{people} {place} rất phấn khởi bởi {benefit}.',
    'Theo đánh giá của {catOrg}, {topic} có nhiều chuyển biến rõ nét.',
    'Năm {prevYear}, {topic} của {loc} còn nhiều hạn chế; sang năm {year}, {result}.',
    '{connector} {catOrg} {aspect} {action}.',
    'Dự kiến trong {quarter} năm {nextYear}, {catOrg} sẽ {action}.',
  ],
};

/** Per-category lists; a key also in {@link SHARED_LEXICON} is drawn from either half the time. */
export const CATEGORY_LEXICON: Readonly<Record<CategoryId, Lexicon>> = {
  'thoi-su': {
    title: [
      '{locName}: Tổng kết công tác năm {year}', 'Kỳ họp thứ {n} HĐND {loc} khóa {term}',
      '{locName} triển khai nhiệm vụ năm {nextYear}', 'Tiếp xúc cử tri trước kỳ họp HĐND {loc}',
      'Lãnh đạo {province} làm việc với {loc}', '{locName}: Đẩy mạnh cải cách hành chính, chuyển đổi số',
      'Khai mạc Đại hội Đảng bộ {loc} nhiệm kỳ {termYears}', '{locName} kỷ niệm {n}0 năm ngày thành lập',
      'Đoàn công tác của {province} kiểm tra tiến độ các dự án tại {loc}',
      'Công bố quyết định về công tác cán bộ tại {loc}',
    ],
    catOrg: [
      'UBND {loc}', 'HĐND {loc}', 'Thường trực HĐND {loc}', 'Ủy ban MTTQ Việt Nam {loc}', 'UBND {province}',
      'Ban Tuyên giáo Tỉnh ủy', 'Đoàn đại biểu Quốc hội tỉnh', 'Sở Nội vụ',
    ],
    action: [
      'tổ chức hội nghị tổng kết công tác năm {year}', 'tổ chức hội nghị triển khai nhiệm vụ năm {nextYear}',
      'tổ chức kỳ họp thứ {n} khóa {term}', 'tiếp xúc cử tri trước kỳ họp', 'công bố quyết định về công tác cán bộ',
      'kiểm tra công tác cải cách hành chính', 'tổ chức lễ kỷ niệm ngày thành lập {loc}',
      'sơ kết {n} năm thực hiện nghị quyết về chuyển đổi số', 'tổ chức đối thoại với người dân về đất đai',
      'làm việc với lãnh đạo các xã về tiến độ sáp nhập thôn, bản',
    ],
    topic: [
      'công tác cải cách hành chính', 'việc thực hiện các nghị quyết của HĐND', 'công tác tiếp công dân',
      'chỉ số hài lòng của người dân', 'việc triển khai dịch vụ công trực tuyến',
    ],
    term: ['XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI'],
    termYears: ['2005 - 2010', '2010 - 2015', '2015 - 2020', '2020 - 2025', '2025 - 2030'],
    heading: ['Cải cách hành chính đi vào thực chất', 'Lắng nghe ý kiến cử tri', 'Kỷ cương, trách nhiệm'],
    alt: ['Quang cảnh kỳ họp', 'Đại biểu biểu quyết thông qua nghị quyết', 'Cử tri phát biểu ý kiến', 'Lãnh đạo {loc} phát biểu tại hội nghị'],
  },
  'kinh-te': {
    title: [
      '{locName}: Thu ngân sách đạt {pct}% dự toán', 'Nông dân {locName} trúng mùa lúa đông xuân',
      'Khởi công dự án nâng cấp {road} qua {loc}', '{locName} có thêm {n} sản phẩm OCOP',
      'Mô hình nuôi tôm công nghệ cao cho thu nhập tiền tỷ', 'Gỡ khó cho doanh nghiệp {locName}',
      'Giải ngân vốn đầu tư công: {locName} đạt {pct}% kế hoạch', 'Hợp tác xã ở {locName} liên kết tiêu thụ nông sản',
      'Giá mía nguyên liệu tăng, nông dân {locName} phấn khởi', '{locName} thu hút {n} dự án đầu tư mới',
    ],
    catOrg: [
      'UBND {loc}', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Kế hoạch và Đầu tư', 'Sở Công Thương',
      'Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp', 'Hội Nông dân {loc}', 'Chi cục Thuế khu vực',
      'Ngân hàng Chính sách xã hội {loc}', 'Hiệp hội Doanh nghiệp tỉnh',
    ],
    action: [
      'khởi công dự án nâng cấp {road}', 'tổng kết mô hình trồng lúa chất lượng cao',
      'trao giấy chứng nhận đầu tư cho {n} dự án', 'tổ chức hội chợ thương mại, giới thiệu sản phẩm OCOP',
      'giải ngân hơn {num} tỷ đồng vốn tín dụng ưu đãi', 'triển khai mô hình nuôi tôm công nghệ cao',
      'xây dựng cánh đồng mẫu lớn với diện tích hơn {num} ha', 'đối thoại với doanh nghiệp về thủ tục đầu tư',
      'khánh thành nhà máy chế biến nông sản', 'ra quân thu hoạch vụ lúa đông xuân',
    ],
    topic: [
      'tình hình sản xuất nông nghiệp', 'tiến độ giải ngân vốn đầu tư công', 'công tác thu ngân sách',
      'hoạt động của các hợp tác xã', 'môi trường đầu tư kinh doanh',
    ],
    result: [
      'năng suất lúa ước đạt {yield} tạ/ha', 'tổng vốn đăng ký đầu tư đạt hơn {big} tỷ đồng',
      'đã có {num} doanh nghiệp thành lập mới', 'giá trị xuất khẩu tăng {pct}% so với cùng kỳ',
      'sản lượng thủy sản khai thác đạt hơn {big} tấn',
    ],
    yield: ['58,2', '61,5', '63', '64,7', '66,1', '68,4', '70,2'],
    heading: ['Hướng đi mới cho nông dân', 'Lời giải cho bài toán nguồn vốn', 'Liên kết để phát triển'],
    alt: ['Nông dân thu hoạch lúa', 'Công nhân làm việc tại nhà máy', 'Thi công nâng cấp tuyến đường', 'Sản phẩm OCOP được trưng bày tại hội chợ'],
  },
  'van-hoa': {
    title: [
      'Tưng bừng lễ hội Lam Kinh năm {year}', '{locName} đón bằng xếp hạng di tích lịch sử cấp quốc gia',
      'Giữ hồn dân ca ở {locName}', 'Liên hoan nghệ thuật quần chúng {loc} lần thứ {n}',
      'Bảo tồn nghề dệt thổ cẩm của người Thái ở {locName}', 'Độc đáo trò diễn Xuân Phả',
      'Sôi nổi ngày hội văn hóa các dân tộc {loc}', 'Hát chèo, nghệ thuật truyền thống cần được tiếp sức',
      'Khai mạc giải bóng chuyền {loc} năm {year}', 'Thư viện cộng đồng lan tỏa văn hóa đọc ở {locName}',
    ],
    catOrg: [
      'Sở Văn hóa, Thể thao và Du lịch', 'Phòng Văn hóa - Thông tin {loc}', 'Trung tâm Văn hóa - Thể thao {loc}',
      'UBND {loc}', 'Ban Quản lý di tích Lam Kinh', 'Hội Văn học Nghệ thuật tỉnh', 'Nhà hát Nghệ thuật truyền thống tỉnh',
    ],
    action: [
      'tổ chức lễ hội truyền thống', 'đón nhận bằng xếp hạng di tích lịch sử cấp quốc gia',
      'tổ chức hội thi hát dân ca', 'khai mạc liên hoan nghệ thuật quần chúng',
      'mở lớp truyền dạy nghề dệt thổ cẩm', 'tổ chức ngày hội văn hóa các dân tộc',
      'phục dựng trò diễn dân gian', 'tổ chức chương trình nghệ thuật chào mừng Tết Nguyên đán',
      'khai trương thư viện cộng đồng', 'tổ chức giải bóng chuyền hơi cho người cao tuổi',
    ],
    topic: [
      'công tác bảo tồn di sản', 'phong trào văn hóa, văn nghệ', 'việc giữ gìn bản sắc dân tộc',
      'phong trào thể dục thể thao quần chúng', 'công tác quản lý lễ hội',
    ],
    quote: [
      'Chúng tôi mong muốn con cháu hiểu và yêu những làn điệu mà ông cha để lại',
      'Mỗi mùa lễ hội là dịp để bà con sum họp, gắn kết cộng đồng',
    ],
    heading: ['Giữ gìn bản sắc', 'Sức sống của di sản', 'Lan tỏa giá trị văn hóa'],
    alt: ['Nghi lễ rước kiệu', 'Tiết mục dân ca được biểu diễn tại liên hoan', 'Nghệ nhân dệt thổ cẩm', 'Di tích sau khi được trùng tu'],
  },
  'xa-hoi': {
    title: [
      '{locName} hoàn thành xóa nhà tạm cho {num} hộ nghèo', 'Khám bệnh, cấp thuốc miễn phí cho người dân {locName}',
      'Trao học bổng cho học sinh nghèo vượt khó ở {locName}', 'Hơn {big} thí sinh {provinceName} bước vào kỳ thi tốt nghiệp THPT',
      'Nước sạch về với bà con {locName}', 'Tặng quà gia đình chính sách dịp Tết',
      'Ngày hội hiến máu tình nguyện tại {loc}', 'Đào tạo nghề cho lao động nông thôn: Hiệu quả từ cách làm mới',
      'Chăm lo cho người cao tuổi ở {locName}', 'Tiếp sức cho trẻ em vùng cao đến trường',
    ],
    catOrg: [
      'Sở Lao động - Thương binh và Xã hội', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Trung tâm Y tế {loc}',
      'Hội Chữ thập đỏ {loc}', 'Hội Liên hiệp Phụ nữ {loc}', 'Đoàn Thanh niên {loc}', 'Bảo hiểm xã hội {loc}',
      'Ủy ban MTTQ Việt Nam {loc}',
    ],
    action: [
      'bàn giao nhà đại đoàn kết cho hộ nghèo', 'tổ chức khám bệnh, cấp thuốc miễn phí cho {num} người',
      'trao {num} suất học bổng cho học sinh nghèo vượt khó', 'tặng quà cho gia đình chính sách',
      'tổ chức ngày hội hiến máu tình nguyện', 'khánh thành công trình nước sạch',
      'triển khai chiến dịch tiêm chủng mở rộng', 'mở lớp đào tạo nghề cho lao động nông thôn',
      'cấp thẻ bảo hiểm y tế cho người nghèo', 'tổ chức phiên giao dịch việc làm',
    ],
    topic: [
      'công tác an sinh xã hội', 'chất lượng khám, chữa bệnh', 'công tác giảm nghèo',
      'tỷ lệ bao phủ bảo hiểm y tế', 'chất lượng giáo dục vùng khó khăn',
    ],
    heading: ['Không để ai bị bỏ lại phía sau', 'Ấm lòng người nghèo', 'Thêm điểm tựa cho học trò nghèo'],
    alt: ['Bàn giao nhà cho hộ nghèo', 'Bác sĩ khám bệnh cho người dân', 'Học sinh nhận học bổng', 'Tình nguyện viên hiến máu'],
  },
  'an-ninh-trat-tu': {
    title: [
      'Bắt giữ {n} đối tượng trộm cắp tài sản ở {locName}', 'Triệt phá đường dây đánh bạc qua mạng tại {loc}',
      'Công an {loc} xử lý {num} trường hợp vi phạm nồng độ cồn', 'Phá chuyên án ma túy lớn ở {locName}',
      'Cảnh báo thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng', 'Tai nạn giao thông trên {road}, {n} người bị thương',
      'Xử lý khai thác cát trái phép trên sông Mã', 'Ra quân thu hồi vũ khí, vật liệu nổ tại {loc}',
      'Diễn tập phương án chữa cháy tại {loc}', 'Tăng cường tuần tra, kiểm soát trên {road}',
    ],
    catOrg: [
      'Công an {loc}', 'Công an tỉnh', 'Phòng Cảnh sát giao thông Công an tỉnh', 'Phòng Cảnh sát hình sự Công an tỉnh',
      'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
      'Viện Kiểm sát nhân dân {loc}', 'Ban Chỉ huy Quân sự {loc}',
    ],
    action: [
      'triệt phá đường dây đánh bạc qua mạng', 'bắt giữ {n} đối tượng trộm cắp tài sản',
      'tổ chức đợt cao điểm tấn công, trấn áp tội phạm', 'kiểm tra nồng độ cồn đối với người điều khiển phương tiện',
      'phá chuyên án ma túy, thu giữ nhiều tang vật', 'tuần tra, kiểm soát trên tuyến {road}',
      'diễn tập phương án chữa cháy và cứu nạn, cứu hộ', 'phát động phong trào toàn dân bảo vệ an ninh Tổ quốc',
      'xử lý tình trạng khai thác cát trái phép', 'tiếp nhận vũ khí, vật liệu nổ do người dân tự nguyện giao nộp',
    ],
    topic: [
      'tình hình an ninh trật tự', 'công tác phòng cháy, chữa cháy', 'tình hình tai nạn giao thông',
      'công tác đấu tranh phòng, chống ma túy', 'phong trào toàn dân bảo vệ an ninh Tổ quốc',
    ],
    result: [
      'số vụ tai nạn giao thông giảm {pct}% so với cùng kỳ', 'đã bắt giữ {num} đối tượng, thu giữ nhiều tang vật',
      'đã xử lý {num} trường hợp vi phạm, tạm giữ {n} phương tiện', 'tỷ lệ điều tra, khám phá án đạt {pct}%',
    ],
    quote: [
      'Mọi hành vi vi phạm sẽ được xử lý nghiêm, không có vùng cấm, không có ngoại lệ',
      'Người dân cần nâng cao cảnh giác, không chuyển tiền cho người lạ qua điện thoại',
    ],
    heading: ['Không có vùng cấm', 'Siết chặt kỷ cương', 'Thủ đoạn ngày càng tinh vi'],
    alt: ['Lực lượng công an tuần tra', 'Cảnh sát giao thông kiểm tra nồng độ cồn', 'Tang vật vụ án', 'Lực lượng chữa cháy diễn tập'],
  },
  'du-lich': {
    title: [
      '{locName} đón hơn {big} lượt du khách dịp lễ', 'Khai trương du lịch biển Sầm Sơn năm {year}',
      'Pù Luông hút khách mùa lúa chín', 'Du lịch cộng đồng ở bản Mường: Hướng đi bền vững',
      'Thành nhà Hồ, điểm đến của di sản thế giới', 'Về {locName} khám phá hang Con Moong',
      'Vườn quốc gia Bến En mùa hoa ban', 'Kích cầu du lịch sau mùa mưa bão',
      'Homestay ở {locName} kín phòng dịp cuối tuần', 'Bãi biển Hải Tiến sẵn sàng cho mùa du lịch mới',
    ],
    catOrg: [
      'Sở Văn hóa, Thể thao và Du lịch', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
      'Hiệp hội Du lịch tỉnh', 'UBND {loc}', 'Ban Quản lý khu du lịch', 'Vườn quốc gia Bến En',
      'Ban Quản lý Khu bảo tồn thiên nhiên Pù Luông',
    ],
    action: [
      'tổ chức lễ khai trương mùa du lịch biển', 'ra mắt tour du lịch cộng đồng',
      'tổ chức chương trình kích cầu du lịch', 'khảo sát tuyến du lịch về nguồn',
      'tập huấn kỹ năng làm du lịch cho các hộ kinh doanh homestay', 'tổ chức festival du lịch',
      'đón đoàn famtrip của các doanh nghiệp lữ hành', 'ra quân chấn chỉnh hoạt động kinh doanh dịch vụ ven biển',
      'công bố điểm du lịch mới', 'quảng bá ẩm thực địa phương tới du khách',
    ],
    topic: [
      'hoạt động du lịch', 'chất lượng dịch vụ lưu trú', 'công tác quản lý giá dịch vụ',
      'lượng khách quốc tế', 'hạ tầng các khu du lịch',
    ],
    result: [
      'lượng khách tham quan tăng {pct}% so với cùng kỳ', 'tổng thu từ du lịch ước đạt {big} tỷ đồng',
      'công suất phòng đạt {pct}%', 'đã có {num} hộ tham gia làm du lịch cộng đồng',
    ],
    quote: [
      'Du khách đến đây đều bất ngờ trước cảnh sắc thiên nhiên và sự mến khách của bà con',
      'Cuối tuần nào homestay của gia đình tôi cũng kín phòng',
    ],
    heading: ['Điểm đến hấp dẫn', 'Làm du lịch từ bản sắc', 'Nâng chất dịch vụ'],
    alt: ['Du khách tắm biển', 'Ruộng bậc thang mùa lúa chín', 'Homestay nhà sàn của người Thái', 'Du khách tham quan di tích'],
  },
};
