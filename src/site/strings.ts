/**
 * Every word the site shows readers, in one dictionary per language. Vietnamese is the default;
 * another language is a new entry here, not a change to templates.
 */
export const dictionaries = {
  vi: {
    weekdays: ['Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật'],
    skipToContent: 'Bỏ qua, đến nội dung chính',
    home: 'Trang chủ',
    localities: 'Địa phương',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm bài viết…',
    searchButton: 'Tìm',
    related: 'Tin liên quan',
    seeMore: 'Xem thêm',
    tags: 'Từ khóa',
    share: 'Chia sẻ',
    shareFacebook: 'Facebook',
    shareZalo: 'Zalo',
    shareX: 'X',
    shareEmail: 'Email',
    copyLink: 'Sao chép liên kết',
    shareNative: 'Chia sẻ…',
    linkCopied: 'Đã sao chép liên kết',
    updated: 'Cập nhật',
    correction: 'Đính chính',
    by: 'Tác giả',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundText: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    backHome: 'Về trang chủ',
    copyright: 'Bản quyền thuộc về',
    breadcrumb: 'Đường dẫn',
    mainNavigation: 'Điều hướng chính',
    latest: 'Tin mới nhất',
    topStories: 'Tin nổi bật',
    aboutPages: 'Thông tin tòa soạn',
    latestNews: 'Tin mới',
    month: 'Tháng',
    year: 'Năm',
    archive: 'Lưu trữ',
    newer: 'Tin mới hơn',
    older: 'Tin cũ hơn',
    page: 'Trang',
    pages: 'Các trang',
    newestPage: 'Mới nhất',
    pagination: 'Phân trang',
    subscribe: 'Theo dõi qua RSS',
    categories: 'Chuyên mục',
    redirecting: 'Bài viết đã chuyển đến địa chỉ mới:',
    comments: 'bình luận',
    reply: 'Trả lời',
    writeComment: 'Gửi ý kiến của bạn',
    cancelReply: 'Hủy trả lời',
    replyingTo: 'Trả lời {name}',
    commentName: 'Họ và tên',
    commentEmail: 'Email (không bắt buộc, không hiển thị)',
    commentMessage: 'Ý kiến',
    honeypot: 'Để trống ô này',
    sendComment: 'Gửi bình luận',
    moderationHint: 'Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu.',
    commentSent: 'Cảm ơn bạn! Ý kiến của bạn sẽ được biên tập trước khi đăng.',
    commentFailed: 'Chưa gửi được ý kiến. Nội dung bạn viết vẫn còn đây, vui lòng thử lại sau ít phút.',
    commentTimeout: 'Máy chủ không trả lời. Nội dung bạn viết vẫn còn đây, vui lòng thử lại.',
    commentRequired: 'Vui lòng nhập họ tên và ý kiến.',
    commentTooLong: 'Họ tên hoặc ý kiến quá dài.',
    commentNoDiacritics: 'Vui lòng gõ tiếng Việt có dấu.',
    commentSending: 'Đang gửi…',
    commentsOff: 'Bài viết này không nhận bình luận.',
    noArticles: 'Chưa có bài viết nào.',
    placesUnder: 'Địa phương trực thuộc',
    allLocalities: 'Tất cả địa phương',
    articleCount: 'bài',
    searchIntro: 'Gõ từ khóa vào ô tìm kiếm, có dấu hoặc không dấu.',
    searchQuery: 'Từ khóa',
    searchSite: 'Tìm nhanh',
    searchArchive: 'Tìm trong kho bài viết',
    searchAll: 'Tất cả',
    filterLocality: 'Địa phương',
    filterAuthor: 'Tác giả',
    filterYear: 'Năm',
    sortLabel: 'Sắp xếp',
    sortRelevance: 'Liên quan nhất',
    sortNewest: 'Mới nhất',
    searchResultCount: 'Tìm thấy {n} kết quả cho “{q}”',
    searchNoResults: 'Không tìm thấy kết quả nào cho “{q}”. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.',
    searchMore: 'Xem thêm kết quả',
    searchLoading: 'Đang tìm…',
    searchOlder: 'Đang tìm thêm trong các bài cũ hơn…',
    searchUnknownValue: '“{v}” (không có)',
    searchUnknownNote: 'Bộ lọc “{v}” không có trong kho nên chưa được áp dụng.',
    searchFailed: 'Không tải được công cụ tìm kiếm. Vui lòng thử lại sau.',
    searchNoScript: 'Tìm kiếm cần JavaScript. Bạn vẫn có thể xem tin theo địa phương:',
  },
} as const

/** The words of one language. */
export type Strings = (typeof dictionaries)['vi']

/** Languages with a dictionary. */
export type Language = keyof typeof dictionaries

/**
 * The dictionary for a language, falling back to Vietnamese.
 *
 * @param language A BCP 47 code from site.yml, e.g. `vi`.
 */
export function stringsFor(language: string): Strings {
  return language in dictionaries ? dictionaries[language as Language] : dictionaries.vi
}
