<?php
// Makes the WXR fixture of test/fixtures/imports with a real WordPress (Debian's 6.1)
// and its own exporter: php scripts/wordpress/make-export.php > test/fixtures/imports/wordpress-6.1.xml
// Needs Debian's wordpress package, MariaDB, and /etc/wordpress/config-wp.sahifa.test.php (docs/import.md).
$_SERVER['HTTP_HOST'] = 'wp.sahifa.test';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';
// As an administrator with unfiltered_html would: scripts and iframes stay in the posts, for the importer to drop.
kses_remove_filters();

wp_install('صحيفة الأمس', 'admin', 'admin@wp.sahifa.test', true, '', 'not-a-real-password-2026', 'ar');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('timezone_string', 'Asia/Riyadh');
global $wp_rewrite;
$wp_rewrite->init();

$admin = get_user_by('login', 'admin');
wp_update_user(['ID' => $admin->ID, 'display_name' => 'هيئة التحرير']);
// Two writers who share a name: two byline profiles after the import.
$sara1 = wp_insert_user(['user_login' => 'sara', 'user_pass' => 'x-2026-not-real', 'display_name' => 'سارة أحمد', 'role' => 'author', 'user_email' => 'sara@wp.sahifa.test']);
$sara2 = wp_insert_user(['user_login' => 'sara2', 'user_pass' => 'x-2026-not-real', 'display_name' => 'سارة أحمد', 'role' => 'author', 'user_email' => 'sara2@wp.sahifa.test']);

$economy = wp_insert_term('اقتصاد', 'category', ['slug' => 'اقتصاد']);
$oil = wp_insert_term('نفط', 'category', ['slug' => 'نفط', 'parent' => $economy['term_id']]);
$sport = wp_insert_term('رياضة', 'category', ['slug' => 'رياضة']);

function attach($file, $parent, $title) {
  $id = wp_insert_attachment(['post_title' => $title, 'post_mime_type' => 'image/png', 'post_status' => 'inherit', 'guid' => 'http://wp.sahifa.test/wp-content/uploads/2024/05/' . $file], false, $parent);
  update_post_meta($id, '_wp_attached_file', '2024/05/' . $file);
  return $id;
}

$when = '2024-05-06 13:00:00';
$gutenberg = "<!-- wp:paragraph -->\n<p>أعلنت <strong>الحكومة</strong> اليوم عن خطة لخفض إنتاج النفط &amp; زيادة الاستثمار في الطاقة المتجددة.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>تفاصيل الخطة</h2>\n<!-- /wp:heading -->\n\n<!-- wp:image {\"id\":IMG,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"http://wp.sahifa.test/wp-content/uploads/2024/05/oil-field.png\" alt=\"حقل نفط\" class=\"wp-image-IMG\"/><figcaption class=\"wp-element-caption\">حقل نفط في الصحراء</figcaption></figure>\n<!-- /wp:image -->\n\n<!-- wp:list -->\n<ul><li>خفض الإنتاج</li><li>استثمار في OpenAI والطاقة</li></ul>\n<!-- /wp:list -->\n\n<!-- wp:html -->\n<script>alert('x')</script><iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n<!-- /wp:html -->";
$p1 = wp_insert_post(['post_title' => 'الحكومة تخفض إنتاج النفط', 'post_name' => 'الحكومة-تخفض-إنتاج-النفط', 'post_content' => '', 'post_excerpt' => 'خطة جديدة للطاقة', 'post_status' => 'publish', 'post_author' => $sara1, 'post_date' => $when, 'post_category' => [$oil['term_id']], 'tags_input' => ['طاقة', 'OpenAI']]);
$img1 = attach('oil-field.png', $p1, 'حقل نفط');
$img2 = attach('missing.png', $p1, 'صورة مفقودة');
wp_update_post(['ID' => $p1, 'post_content' => str_replace('IMG', $img1, $gutenberg) . "\n\n<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"http://wp.sahifa.test/wp-content/uploads/2024/05/missing.png\" alt=\"\"/></figure>\n<!-- /wp:image -->"]);
set_post_thumbnail($p1, $img1);

// Classic editor content: paragraphs are blank lines, an image in a [caption] shortcode.
$classic = "فاز الفريق الوطني بالمباراة النهائية.\nوقال المدرب إن الفوز مستحق.\n\n[caption id=\"attachment_1\" align=\"alignnone\" width=\"300\"]<img src=\"http://wp.sahifa.test/wp-content/uploads/2024/05/stadium.png\" alt=\"الملعب\" width=\"300\" height=\"200\" /> الملعب الوطني[/caption]\n\n<table><tr><td>الفريق</td><td>النتيجة</td></tr></table>\n\nوتحتفل الجماهير في الشوارع.";
$p2 = wp_insert_post(['post_title' => 'الفريق الوطني يفوز بالكأس', 'post_name' => 'الفريق-الوطني-يفوز', 'post_content' => $classic, 'post_status' => 'publish', 'post_author' => $sara2, 'post_date' => '2024-05-07 09:30:00', 'post_category' => [$sport['term_id']], 'tags_input' => ['كرة القدم']]);
$img3 = attach('stadium.png', $p2, 'الملعب');

// Same title and slug as the first post: WordPress numbers it (-2); we keep its slug.
$p3 = wp_insert_post(['post_title' => 'الحكومة تخفض إنتاج النفط', 'post_name' => 'الحكومة-تخفض-إنتاج-النفط', 'post_content' => '<p>تحديث: تفاصيل إضافية.</p>', 'post_status' => 'publish', 'post_author' => $admin->ID, 'post_date' => '2024-05-08 10:00:00', 'post_category' => [$economy['term_id']]]);
$p4 = wp_insert_post(['post_title' => 'مسودة عن الأسواق', 'post_content' => '<p>نص المسودة.</p>', 'post_status' => 'draft', 'post_author' => $sara1, 'post_category' => [$economy['term_id']]]);
$p5 = wp_insert_post(['post_title' => 'مقال بانتظار المراجعة', 'post_name' => 'بانتظار-المراجعة', 'post_content' => '<p>نص للمراجعة.</p>', 'post_status' => 'pending', 'post_author' => $sara1]);
$p6 = wp_insert_post(['post_title' => 'مقال مجدول', 'post_name' => 'مقال-مجدول', 'post_content' => '<p>ينشر لاحقا.</p>', 'post_status' => 'future', 'post_author' => $admin->ID, 'post_date' => '2030-01-01 09:00:00', 'post_category' => [$sport['term_id']]]);
$p7 = wp_insert_post(['post_title' => 'تحقيق خاص', 'post_name' => 'تحقيق-خاص', 'post_content' => '<p>سري.</p>', 'post_status' => 'private', 'post_author' => $admin->ID, 'post_category' => [$economy['term_id']]]);
$page = wp_insert_post(['post_title' => 'من نحن', 'post_content' => '<p>صفحة.</p>', 'post_status' => 'publish', 'post_type' => 'page', 'post_author' => $admin->ID]);
// WordPress's own first post, «Hello world», in Arabic: in «غير مصنف».

ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
fwrite(STDOUT, $xml);
