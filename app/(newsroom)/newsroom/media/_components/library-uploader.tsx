'use client';

import { useRouter } from 'next/navigation';
import { UploadZone } from '@/components/newsroom/media/upload-zone';

/** The library's upload zone: the grid refreshes as each image lands. */
export function LibraryUploader() {
  const router = useRouter();
  return <UploadZone onUploaded={() => router.refresh()} />;
}
